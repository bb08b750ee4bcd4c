/**
 * Quiz "识骗小测验": short messages and pages, scams and real ones, written in our own
 * words. `tell: true` marks a giveaway part: it is highlighted when the answer is shown
 * and the explanation points at it. zh-TW is generated (scripts/demo-zh-tw.ts).
 */
import type { QuizItem, QuizText } from '../types';

export type QuizSource = Omit<QuizItem, 'text'> & { 'zh-CN': QuizText; en: QuizText };

const T = (text: string) => ({ text, tell: true });

export const QUIZ_SOURCE: QuizSource[] = [
  {
    id: 'parcel-claim-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '106912345678', parts: [{ text: '您好，您的快递在运输中丢失，' }, T('我司将双倍理赔'), { text: '，请' }, T('点击 http://kd-lipei.top'), { text: ' 填写' }, T('银行卡号和验证码'), { text: '领取。' }], explain: '快递丢了是平台主动处理，不会发陌生链接让您填银行卡号和验证码。“双倍理赔”是诱饵。', topic: '快递丢失“双倍理赔”短信' },
    en: { from: '106912345678', parts: [{ text: 'Your parcel was lost in transit. ' }, T('We will refund you double'), { text: '. ' }, T('Tap http://kd-lipei.top'), { text: ' and enter your ' }, T('card number and verification code'), { text: ' to claim.' }], explain: 'A lost parcel is handled inside the shopping app. No real courier sends a strange link asking for your card number and code; "double refund" is bait.', topic: 'Lost-parcel "double refund" text' },
  },
  {
    id: 'parcel-pickup-sms', kind: 'sms', scam: false,
    'zh-CN': { from: '【社区快递驿站】', parts: [{ text: '您的包裹已到小区东门驿站，' }, T('取件码 3-2-1108'), { text: '，营业时间 8:00-20:00。' }, T('凭取件码到店领取'), { text: '。' }], explain: '只告诉您取件码和地点，没有链接，不要钱，不要个人信息——这是正常的取件通知。', topic: '真实的快递取件通知' },
    en: { from: '[Community parcel station]', parts: [{ text: 'Your parcel is at the east-gate parcel station. ' }, T('Pickup code 3-2-1108'), { text: ', open 8:00-20:00. ' }, T('Show the code at the counter'), { text: '.' }], explain: 'Only a pickup code and a place: no link, no money, no personal details. This is a normal pickup notice.', topic: 'Real parcel pickup notice' },
  },
  {
    id: 'bank-spend-sms', kind: 'sms', scam: false,
    'zh-CN': { from: '【某某银行】', parts: [{ text: '您尾号 3721 的储蓄卡 11 月 28 日 14:02 消费支出 268.00 元，余额 5,120.35 元。' }, T('如非本人操作，请拨打银行卡背面的客服电话'), { text: '。' }], explain: '真实的银行提醒只告诉您发生了什么，让您打卡片背面的官方电话；没有链接，不要验证码。', topic: '真实的银行消费提醒' },
    en: { from: '[Your bank]', parts: [{ text: 'Your debit card ending 3721 was charged 268.00 yuan on 28 Nov at 14:02. Balance 5,120.35 yuan. ' }, T('If this was not you, call the number on the back of your card'), { text: '.' }], explain: 'A real bank notice says what happened and sends you to the official number on your own card. No link, no code request.', topic: 'Real bank spending notice' },
  },
  {
    id: 'etc-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '+85261234567', parts: [{ text: '【ETC服务】您的ETC卡' }, T('已失效'), { text: '，' }, T('今日未认证将停用'), { text: '，请' }, T('登录 etc-renzheng.cc'), { text: ' 重新认证。' }], explain: '境外号码发来的“ETC失效”，加上催促和陌生网址，是典型钓鱼短信。ETC问题请打发卡银行的官方电话。', topic: '“ETC失效”钓鱼短信' },
    en: { from: '+85261234567', parts: [{ text: '[ETC service] Your ETC toll card ' }, T('has expired'), { text: '. ' }, T('It will be stopped today unless verified'), { text: '. ' }, T('Log in at etc-renzheng.cc'), { text: ' to verify.' }], explain: 'An overseas number, "expired", a deadline today and a strange address: a classic phishing text. Call the issuing bank\'s official number instead.', topic: '"Toll card expired" phishing text' },
  },
  {
    id: 'social-card-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '10659876', parts: [{ text: '您的社保卡' }, T('因信息异常已被冻结'), { text: '，' }, T('请回复身份证号和银行卡号'), { text: '解冻，' }, T('逾期将影响退休金发放'), { text: '。' }], explain: '社保部门不会用短信让您回复身份证号和银行卡号；“冻结”“影响退休金”是吓唬人。', topic: '“社保卡冻结”短信' },
    en: { from: '10659876', parts: [{ text: 'Your social security card ' }, T('is frozen due to a data error'), { text: '. ' }, T('Reply with your ID number and bank card number'), { text: ' to unfreeze it. ' }, T('Late replies will delay your pension'), { text: '.' }], explain: 'The pension office never asks for your ID and card number by text; "frozen" and "your pension" are there to scare you.', topic: '"Social security card frozen" text' },
  },
  {
    id: 'grandson-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '陌生号码', parts: [T('奶奶，我换号了'), { text: '。我出了点事，' }, T('急需 3 万'), { text: '，' }, T('别告诉我爸妈'), { text: '，' }, T('转到我同学的卡上'), { text: '，明天就还。' }], explain: '换号、急用钱、别告诉家人、转到别人的卡——四个危险信号都在。先打孩子原来的电话。', topic: '冒充孙子借钱' },
    en: { from: 'Unknown number', parts: [T('Grandma, new number'), { text: '. I\'m in trouble and ' }, T('need 30,000 right now'), { text: '. ' }, T('Don\'t tell Mum and Dad'), { text: '. ' }, T('Send it to my classmate\'s card'), { text: ', I\'ll pay you back tomorrow.' }], explain: 'New number, urgent money, keep it from the family, someone else\'s card: all four warning signs. Call the grandchild\'s old number.', topic: 'Fake grandson asking for money' },
  },
  {
    id: 'police-call-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '00861100000', parts: [{ text: '我是市公安局民警，' }, T('您涉嫌洗钱'), { text: '，请' }, T('将资金转入安全账户'), { text: '配合调查，' }, T('不得告诉任何人'), { text: '。' }], explain: '公安不会电话办案，更没有“安全账户”；要求保密就是为了不让您去问别人。', topic: '冒充公安“安全账户”' },
    en: { from: '00861100000', parts: [{ text: 'This is the city police. ' }, T('You are suspected of money laundering'), { text: '. ' }, T('Move your money to the safe account'), { text: ' for the investigation and ' }, T('tell no one'), { text: '.' }], explain: 'Police never handle cases by phone and there is no "safe account"; secrecy is there to stop you asking anyone.', topic: 'Fake police, "safe account"' },
  },
  {
    id: 'login-code-sms', kind: 'sms', scam: false,
    'zh-CN': { from: '【某某银行】', parts: [{ text: '验证码 482913，您正在登录手机银行，5 分钟内有效。' }, T('切勿告诉他人，银行工作人员不会向您索取'), { text: '。' }], explain: '这是您自己登录时收到的真验证码。它提醒您：谁来要，都不给。', topic: '真实的登录验证码短信' },
    en: { from: '[Your bank]', parts: [{ text: 'Code 482913 for your mobile banking log-in, valid 5 minutes. ' }, T('Never tell anyone; bank staff will never ask for it'), { text: '.' }], explain: 'A real code you receive when you log in yourself. It tells you: whoever asks, never give it.', topic: 'Real log-in code text' },
  },
  {
    id: 'invest-page', kind: 'page', scam: true,
    'zh-CN': { from: '汇金财富平台', title: '导师带单 · 日赚 3%', parts: [T('保本保息，稳赚不赔'), { text: '。资深导师每日带单，' }, T('日收益 3%'), { text: '，一个月翻倍。' }, T('下载内部 App'), { text: '，' }, T('加导师微信领取名额'), { text: '。' }], explain: '保本还高收益、日赚 3%（一年超过 1000%）、内部 App、加微信——投资骗局的全套话术。', topic: '“导师带单”投资网页' },
    en: { from: 'Huijin Wealth', title: 'Mentor trades for you · 3% a day', parts: [T('Guaranteed returns, no risk'), { text: '. Our mentor trades daily: ' }, T('3% a day'), { text: ', double in a month. ' }, T('Download our members-only app'), { text: ' and ' }, T('add the mentor on WeChat'), { text: '.' }], explain: 'No risk with high returns, 3% a day (over 1000% a year), a private app, "add me on WeChat": the full investment-scam script.', topic: '"Mentor" investment page' },
  },
  {
    id: 'bank-wealth-page', kind: 'page', scam: false,
    'zh-CN': { from: '某某银行 官方网站', title: '稳健理财产品说明', parts: [{ text: '本产品为固定收益类，' }, T('业绩比较基准 2.1%-2.6%（年化），不代表实际收益'), { text: '。' }, T('理财非存款，产品有风险，投资须谨慎'), { text: '。请在本行 App 或网点购买。' }], explain: '收益不高，写明“不代表实际收益”“产品有风险”，只在银行自己的 App 和网点买——这是正规理财。', topic: '真实的银行理财产品页' },
    en: { from: 'Your bank · official site', title: 'Fixed-income product', parts: [{ text: 'A fixed-income product. ' }, T('Benchmark 2.1%-2.6% a year; not a promise of returns'), { text: '. ' }, T('Not a deposit: capital at risk'), { text: '. Buy it in our app or at a branch.' }], explain: 'Modest returns, "not a promise", "capital at risk", sold only in the bank\'s own app and branches: a real product.', topic: 'Real bank investment product page' },
  },
  {
    id: 'subsidy-page', kind: 'page', scam: true,
    'zh-CN': { from: 'gov-butie.top', title: '个人补贴申领', parts: [{ text: '您有一笔补贴 3,860 元待领取，' }, T('今日 24 点截止'), { text: '。请输入' }, T('银行卡号、密码和短信验证码'), { text: '，补贴直接到账。' }], explain: '网址不是政府网站（.top），催您今天办，还要卡号、密码和验证码——钓鱼网页。', topic: '“领补贴”钓鱼网页' },
    en: { from: 'gov-butie.top', title: 'Claim your subsidy', parts: [{ text: 'A subsidy of 3,860 yuan is waiting. ' }, T('Deadline midnight today'), { text: '. Enter your ' }, T('card number, PIN and SMS code'), { text: ' to receive it.' }], explain: 'Not a government address (.top), a same-day deadline, and it wants card number, PIN and code: a phishing page.', topic: '"Claim a subsidy" phishing page' },
  },
  {
    id: 'task-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '兼职小助手', parts: [{ text: '在家兼职，' }, T('点赞关注日赚 300'), { text: '，日结。完成新手任务后' }, T('需先垫付'), { text: '，本金加佣金一起返。' }, T('加QQ 3388772'), { text: '。' }], explain: '轻松赚大钱，又要先垫付：刷单骗局。先返小钱，再骗大钱。', topic: '刷单点赞兼职' },
    en: { from: 'Job helper', parts: [{ text: 'Work from home: ' }, T('like and follow, earn 300 a day'), { text: ', paid daily. After the first tasks ' }, T('you advance the money'), { text: ', and get it back with commission. ' }, T('Add QQ 3388772'), { text: '.' }], explain: 'Easy money, and you pay first: a task scam. Small payouts, then the big money disappears.', topic: 'Paid "likes" job' },
  },
  {
    id: 'loan-page', kind: 'page', scam: true,
    'zh-CN': { from: '秒贷通', title: '审批通过', parts: [{ text: '您的 5 万元贷款已审批通过，' }, T('因卡号有误资金冻结'), { text: '，' }, T('请先缴纳解冻费 3,000 元'), { text: '，' }, T('不查征信，黑户可贷'), { text: '。' }], explain: '放款前要交“解冻费”，又说不查征信——正规贷款不会这样。', topic: '贷款先交“解冻费”' },
    en: { from: 'QuickLoan', title: 'Approved', parts: [{ text: 'Your 50,000 yuan loan is approved, but ' }, T('a wrong card number froze the funds'), { text: '. ' }, T('Pay a 3,000 yuan unfreezing fee first'), { text: '. ' }, T('No credit check, bad credit welcome'), { text: '.' }], explain: 'A fee before the loan, and no credit check: no real lender works like this.', topic: 'Loan with an "unfreezing fee"' },
  },
  {
    id: 'health-check-sms', kind: 'sms', scam: false,
    'zh-CN': { from: '【社区卫生服务中心】', parts: [{ text: '本周六上午 9 点在社区卫生服务中心为 65 岁以上居民免费量血压、测血糖，' }, T('不推销产品，不收任何费用'), { text: '。' }, T('咨询请到中心一楼服务台'), { text: '。' }], explain: '社区卫生中心的公益体检：不卖东西、不收钱、让您到正式的服务台咨询。和“保健品讲座”正好相反。', topic: '真实的社区免费体检通知' },
    en: { from: '[Community health centre]', parts: [{ text: 'This Saturday at 9 am the community health centre offers free blood pressure and blood sugar checks for residents over 65. ' }, T('Nothing is sold and nothing is charged'), { text: '. ' }, T('Questions: ground-floor service desk'), { text: '.' }], explain: 'A public health check: nothing to buy, nothing to pay, and questions go to a real desk. The opposite of a "health-product talk".', topic: 'Real community health-check notice' },
  },
  {
    id: 'police-publicity-page', kind: 'page', scam: false,
    'zh-CN': { from: '某市公安局 官方公众号', title: '反诈提醒：这些话一听就是骗子', parts: [{ text: '警方提醒：' }, T('公检法不会电话办案，没有“安全账户”'), { text: '；' }, T('遇到可疑情况请拨打 96110 咨询'), { text: '。' }], explain: '这是警方的宣传文章：它告诉您骗子怎么说，而不是让您转账或填信息。', topic: '真实的警方反诈宣传' },
    en: { from: 'City police · official account', title: 'Anti-fraud tip: sentences only scammers say', parts: [{ text: 'Police reminder: ' }, T('police never handle cases by phone and there is no "safe account"'), { text: '. ' }, T('If in doubt, call 96110'), { text: '.' }], explain: 'A police awareness article: it tells you what scammers say, and never asks you to pay or fill anything in.', topic: 'Real police anti-fraud article' },
  },
  {
    id: 'points-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '1069000123', parts: [{ text: '尊敬的用户，您的' }, T('积分即将清零'), { text: '，可兑换现金 268 元，' }, T('请点击 jf-duihuan.cc'), { text: ' 并' }, T('输入银行卡号和验证码'), { text: '兑换。' }], explain: '积分换现金要填卡号和验证码，链接还是陌生网址——钓鱼短信。积分请在运营商官方 App 里查。', topic: '“积分清零兑换”短信' },
    en: { from: '1069000123', parts: [{ text: 'Dear customer, your ' }, T('points expire soon'), { text: ' and are worth 268 yuan in cash. ' }, T('Tap jf-duihuan.cc'), { text: ' and ' }, T('enter your card number and code'), { text: ' to redeem.' }], explain: 'Points for cash that need your card number and code, via a strange link: phishing. Check points in your carrier\'s official app.', topic: '"Points expiring" text' },
  },
  {
    id: 'care-home-page', kind: 'page', scam: true,
    'zh-CN': { from: '颐年养老公寓', title: '床位会员卡限量发售', parts: [{ text: '购买床位会员卡，一次交 10 万，' }, T('每年返利 12%'), { text: '，' }, T('住不住都能拿钱'), { text: '，' }, T('推荐朋友再奖 5%'), { text: '。' }], explain: '养老院收的是服务费，不会给您返利；拉人头有奖励是传销模式。', topic: '养老公寓床位返利' },
    en: { from: 'Evergreen Senior Apartments', title: 'Bed membership cards, limited', parts: [{ text: 'Buy a bed membership card for 100,000 yuan: ' }, T('a 12% rebate every year'), { text: ', ' }, T('paid whether you move in or not'), { text: ', and ' }, T('5% more for each friend you bring'), { text: '.' }], explain: 'A care home charges for care; it never pays rebates. Rewards for recruiting are how pyramid schemes work.', topic: 'Care-home bed "rebates"' },
  },
  {
    id: 'phone-bill-sms', kind: 'sms', scam: false,
    'zh-CN': { from: '【手机营业厅】', parts: [{ text: '尊敬的客户，您 11 月话费 58.00 元已从账户扣除，当前余额 41.20 元。' }, T('详情请打开官方 App 查询'), { text: '。' }], explain: '只告诉您扣了多少钱，让您自己打开官方 App 查——没有链接，不要信息，是正常账单提醒。', topic: '真实的话费账单提醒' },
    en: { from: '[Mobile carrier]', parts: [{ text: 'Dear customer, your November bill of 58.00 yuan has been paid from your balance; 41.20 yuan left. ' }, T('See details in the official app'), { text: '.' }], explain: 'It only says what was charged and sends you to the official app yourself: no link, no request. A normal bill notice.', topic: 'Real phone bill notice' },
  },
  {
    id: 'flight-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '+8617012345678', parts: [{ text: '您预订的航班' }, T('因机械故障取消'), { text: '，可获' }, T('改签补偿 300 元'), { text: '，请' }, T('联系客服 4001-234-567 办理'), { text: '，需提供银行卡号。' }], explain: '航班变动请在购票的官方 App 或航空公司官方电话核实；陌生号码让您打另一个“客服”电话并要卡号，是骗局。', topic: '“航班取消改签理赔”短信' },
    en: { from: '+8617012345678', parts: [{ text: 'Your flight ' }, T('is cancelled due to a fault'), { text: '. You can get ' }, T('300 yuan rebooking compensation'), { text: '. ' }, T('Call customer service on 4001-234-567'), { text: ' with your bank card number.' }], explain: 'Check flight changes in the app you booked with or the airline\'s official number. A stranger sending you to another "service" number and asking for your card is a scam.', topic: '"Flight cancelled, compensation" text' },
  },
  {
    id: 'casino-page', kind: 'page', scam: true,
    'zh-CN': { from: '皇冠娱乐城', title: '首充送 100% 彩金', parts: [T('真人百家乐'), { text: '、体育投注，' }, T('首充送彩金，每日返水'), { text: '。' }, T('内部计划稳赢不输'), { text: '。' }], explain: '网络赌博违法，平台想让谁赢就让谁赢；“稳赢”“送彩金”都是钩子。', topic: '网络赌博网页' },
    en: { from: 'Crown Online Casino', title: '100% bonus on your first deposit', parts: [T('Live baccarat'), { text: ' and sports betting, ' }, T('first-deposit bonus and daily cashback'), { text: '. ' }, T('Our insider plan never loses'), { text: '.' }], explain: 'Online gambling is illegal and the site decides who wins; "never loses" and "bonus" are hooks.', topic: 'Online casino page' },
  },
  {
    id: 'hospital-sms', kind: 'sms', scam: false,
    'zh-CN': { from: '【某某医院】', parts: [{ text: '您已预约 12 月 2 日上午 9:00 心内科门诊（王医生）。' }, T('请携带身份证和医保卡到医院就诊'), { text: '。如需取消，请在预约的 App 里操作。' }], explain: '只提醒时间地点，让您本人带证件到医院；取消也在您自己预约的 App 里——正常通知。', topic: '真实的医院预约提醒' },
    en: { from: '[City hospital]', parts: [{ text: 'Your cardiology appointment is on 2 Dec at 9:00 am (Dr Wang). ' }, T('Bring your ID and health insurance card to the hospital'), { text: '. To cancel, use the app you booked with.' }], explain: 'Time and place only; you go in person with your own documents and cancel in your own app: a normal reminder.', topic: 'Real hospital appointment reminder' },
  },
  {
    id: 'boss-sms', kind: 'sms', scam: true,
    'zh-CN': { from: '“王总”（新微信）', parts: [{ text: '我是王总，' }, T('这是我的新微信'), { text: '。我在开会不方便接电话，' }, T('你先帮我给这个账户转 8 万'), { text: '，' }, T('马上要'), { text: '，回头我签字报销。' }], explain: '“领导”换新号、不接电话、急着让您转账到陌生账户——当面或打他原来的电话确认。', topic: '冒充领导让转账' },
    en: { from: '"Boss Wang" (new account)', parts: [{ text: 'It\'s Wang, ' }, T('this is my new account'), { text: '. I\'m in a meeting and can\'t talk. ' }, T('Transfer 80,000 to this account for me'), { text: ', ' }, T('right away'), { text: '; I\'ll sign the expense claim later.' }], explain: 'A "boss" on a new account, who cannot talk, wants money sent to a strange account at once: check in person or on their usual number.', topic: 'Fake boss asking for a transfer' },
  },
];
