/**
 * Hand-written texts (our own words, no corpus data) shared by the engine tests.
 * WARNS: [category, text] pairs that must reach at least medium under standard sensitivity.
 * SILENT: [name, text] pairs that must stay below medium.
 */
import type { Category } from '../../../src/engine/types';

export const WARNS: Array<[Category, string]> = [
  ['investment', '内部消息！资深导师带单，保本保息，日收益2%，稳赚不赔，名额有限，加微信 caifu8866 进群。'],
  ['investment', '老师每天在群里免费荐股，跟着操作月收益30%以上，今天下载我们的交易APP充值即可开户。'],
  ['investment', '數字貨幣量化機器人，零風險高收益，每天返利1.5%，充值USDT到TRC20地址即可參與。'],
  ['investment', 'Hi dear, my uncle is a senior analyst. I can show you how to earn daily profit on this crypto trading platform, guaranteed returns.'],
  ['investment', '您的账户提现失败，需先缴纳20%个人所得税和风控保证金才能解冻出金，请尽快处理。'],
  ['pension', '叔叔阿姨们，我们的养老公寓项目现开放认购，一次交十万元，每年返利百分之十二，到期全额回购，名额有限。'],
  ['pension', '以房养老新政策：把房子抵押给我们公司做理财，每月领一万元利息，不要告诉子女。'],
  ['pension', '社区健康讲座，免费领鸡蛋！专家现场讲解量子保健品，包治百病，降三高不用吃药，今天购买打五折。'],
  ['pension', '老年人免费旅游一日游，参观基地后推介玉石和茶叶，当场认购还送礼品。'],
  ['pension', '名家字画纪念币认购，公司统一寄存保管，一年后按三倍价格回购，稳赚不赔。'],
  ['pension', '消费全返！在本店买保健品，买多少返多少，消费养老，零成本养老，加入即送养老帮扶金。'],
  ['task_scam', '招聘网络兼职，在家动动手指点赞关注就能赚钱，日结佣金，一单30元，加QQ 88776655 领任务。'],
  ['task_scam', '刷单返利：先垫付购买商品，完成任务后返还本金加佣金，连单任务佣金翻倍。'],
  ['impersonation_authority', '我是市公安局刑侦支队民警，你名下银行卡涉嫌洗钱案，现在需要把资金转入安全账户进行资金清查，不要告诉家人。'],
  ['impersonation_authority', '這裡是檢察院，你涉嫌一宗詐騙洗錢案，請下載會議軟件配合視頻筆錄，把存款轉到國家監管賬戶。'],
  ['impersonation_acquaintance', '猜猜我是谁？我换号了，这是我的新微信。我这边出车祸了急需手术费，先借我两万块，别告诉我爸妈。'],
  ['impersonation_acquaintance', '我是你们孩子的班主任，本学期教材费每人598元，请直接扫描二维码支付或转账给我。'],
  ['fake_customer_service', '您好，我是京东金融客服，您之前开通了学生账户，需要注销校园贷，否则影响征信，请下载会议软件开启屏幕共享。'],
  ['fake_customer_service', '您好，这里是快递公司理赔客服，您的包裹丢件，我们双倍赔付，请提供银行卡号和验证码办理退款。'],
  ['fake_customer_service', '尊敬的旅客，您预订的航班因机械故障已取消，请致电 4008001234 办理改签，每位旅客补偿300元。'],
  ['loan_credit', '您的贷款已审核通过，但银行卡号填错导致资金冻结，需缴纳解冻金5000元才能放款。'],
  ['loan_credit', '黑户也能贷，不看征信，秒批秒到账！放款前只需交一点保证金，加微信 dai888 咨询。'],
  ['loan_credit', '专业征信修复，消除逾期记录，铲单洗白，三天见效，联系专员。'],
  ['phishing_subsidy', '【工商银行】您的积分即将清零，可兑换现金500元，请登录 http://icbc-jfdh.top 兑换，逾期失效。'],
  ['phishing_subsidy', '尊敬的用户，您的手机银行将于今日失效，请立即登录 www.abc-yh.cc 进行认证激活。'],
  ['phishing_subsidy', '人社局通知：您有一笔个人补贴待领取，请点击链接填写银行卡号和密码申领补贴，24小时内有效。'],
  ['phishing_subsidy', 'Your tax refund of $842 is pending. Verify your bank account at http://irs-refund-claim.info within 24 hours.'],
  ['gambling', '澳门娱乐城线上百家乐真人视讯，首存100送88彩金，每日返水，提款秒到，网址 www.am88.vip'],
  ['gambling', '菠菜平台招代理，時時彩北京赛车计划群，包中稳赢回血上岸，加飞机 @bc8888'],
  ['card_trading', '高价收银行卡、对公账户，一卡一结，长期收电话卡，跑分车队接料回U，私聊 @shouka99'],
  ['card_trading', '出租收款码日赚500，代收代付，三方通道稳定跑分，卡农速来。'],
  ['romance', '宝贝，我在海外石油平台工作，等我回来我们就结婚。我发现一个投资平台稳赚，你先充值一点，我们一起为我们的未来存钱。'],
  ['romance', 'My love, I am deployed overseas with the peacekeeping mission. I sent you a package with gifts, please pay the customs fee so it can be released.'],
  ['illegal_service', '代开各行业增值税发票，网上可查，验后付款，点数优惠，电话 13912345678'],
  ['illegal_service', '办证刻章，毕业证学历证驾驶证各种证件，诚信办理，微信同号 bz6688'],
  ['illegal_service', '同城约，学生妹少妇上门服务，无需定金满意付款，加我薇信 yue520'],
  // cold opening (who I am) + an action request later (engine2)
  ['impersonation_acquaintance', '我是你王局长，这边有个急事不方便出面，你先帮我给对方转一笔钱，回头我再还你。'],
  ['impersonation_acquaintance', '老同学，猜猜我是谁？我微信号被封了，加我新微信。最近手头紧，能不能借我五千块周转？'],
  ['impersonation_acquaintance', '我是你孙子，在外面和人起了冲突，你赶紧给我转点钱，千万别让爸妈知道。'],
  // black-market chat adverts: disguised contact + illicit goods/services (engine2)
  ['illegal_service', '同城靓妹上门，私播看片加扣 55667788'],
  ['illegal_service', '想看好东西的看我名字，加企鹅 7766554433'],
  ['card_trading', '长期高价收卡，卡主直押免押都可谈，实力卡商来，联系 @kashang_boss'],
  ['illegal_service', '短信代发、上粉拉群，量大从优，骗子勿扰，详询 @daifa_king'],
  // gambling in disguise (engine2)
  ['gambling', '新户送体验金，每日赠免费旋转，首铳百分百加囎，一倍水即可提款 http://lucky-spin.top'],
  // romance + money (engine2)
  ['romance', '亲爱的，我在维和部队服役，下个月就退役来见你。我的包裹在海关被扣，需要你先帮我交一笔关税。'],
  ['task_scam', '新风口项目，小白可做，包教包会，当日见利润，名额不多，联系 @xiangmu_boss'],
  ['illegal_service', '今晚有黄播资源，要的私聊我，加威 ab2468'],
];

export const SILENT: Array<[string, string]> = [
  ['weather', '明天白天多云转晴，最高气温二十三度，空气质量良，适宜户外活动。'],
  ['police reminder', '警方提醒：公检法机关不会通过电话办案，更没有所谓的“安全账户”，凡是要求转账到安全账户的都是诈骗。'],
  ['anti-fraud tips', '反诈小课堂：刷单返利是骗局，先给小甜头再让你垫付大钱；遇到“保本高收益”的投资要提高警惕，有疑问拨打96110。'],
  ['news retelling a scam', '据报道，市民王女士接到自称“公安局民警”的电话，对方称她涉嫌洗钱，要求她把存款转入“安全账户”。王女士识破骗局后报警，犯罪嫌疑人已被抓获。'],
  ['court report', '以案说法：被告人以“养老公寓返利”为名骗取老人钱财三百余万元，法院一审判决被告人有期徒刑十年。'],
  ['bank wealth management', '本行发行的稳健型理财产品，业绩比较基准年化2.8%-3.2%，风险等级R2。理财非存款，产品有风险，投资须谨慎。'],
  ['government pension explainer', '城乡居民基本养老保险按年缴费，缴费档次由个人自愿选择，政府给予补贴。退休人员养老金按月发放到社保卡，请通过官方渠道查询。'],
  ['e-commerce checkout', '订单确认：商品总价199元，运费0元。请选择支付方式：支付宝、微信支付或银行卡。支付完成后可在“我的订单”查看物流。'],
  ['loan comparison article', '房贷利率比较：目前多数银行首套房贷利率在3.5%左右。申请贷款时请通过银行官方渠道办理，不要相信“无需审核、秒批”的广告。'],
  ['lottery news', '本期双色球开出一等奖5注，单注奖金800万元，奖池滚存至20亿元。体彩中心提醒购彩者理性投注。'],
  ['restaurant menu', '本店招牌菜：红烧肉38元，清蒸鱼58元，酸辣土豆丝12元。欢迎预订，电话 020-12345678。'],
  ['english news', 'The city council approved a new budget for public libraries and parks on Tuesday, officials said.'],
  ['english anti-scam article', 'How to spot a romance scam: scammers often claim to be deployed overseas and soon ask victims for money or gift cards. Police said never send money to someone you have not met.'],
  ['family chat', '妈，我今天晚上加班，晚点回家吃饭，你们先吃吧。'],
  ['stock news', '今日沪指上涨0.8%，两市成交额超过一万亿元，券商板块领涨，分析人士认为市场情绪回暖。'],
  ['customer support page', '如需退货退款，请在订单页面点击“申请售后”，退款将原路退回，客服不会要求您转账或提供验证码。'],
  // engine2: same words, harmless use
  ['shop greeting with link', '亲爱的用户，年终大促今晚开始，点击链接领取优惠券，充值话费满100送10。'],
  ['estate agent introduces himself', '您好，我是链家的置业顾问小李，本周末有新房源开放，欢迎到店喝茶了解，如有需要请加我微信。'],
  ['news about money laundering', '证监会通报：今年查处多起非法荐股和洗钱案件，提醒投资者通过正规渠道交易。'],
  ['chat about a phone number', '我的新号码是 13912345678，以后打这个，旧号下个月停机。'],
  ['chat with qq number', '群号是 123456789，周末打球的加一下，别迟到。'],
  ['shopping count', '今天口罩又买了 50000 个，仓库快放不下了。'],
  ['film sales news', '电影节开幕，多家片商在市场展上卖片，海外发行商关注国产类型片。'],
  ['beauty salon promo', '养生会所周年庆，补水套现价99元，到店再送免费开背，欢迎预约。'],
  ['folk remedy chat', '我妈又在看偏方了，说喝醋能降血压，劝了也不听。'],
];
