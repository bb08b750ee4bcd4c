/**
 * AUTHORING SOURCE of the core rule pack (zh-CN + en). `npx tsx scripts/build-rules.ts`
 * adds zh-TW (via opencc-js), validates, and writes core.pack.json, which is what the
 * engine loads, and the rules' words (explanation, advice, category advice) to
 * assets/public/rule-texts.json, which is read by rule id only when evidence is shown.
 * tests/unit/engine/rules.test.ts fails when either drifts from this source.
 *
 * Phrases are written in any form: the compiler runs them through the same normalizer
 * as page text (so 穩賺 and 稳赚 are one phrase, "VX" means 微信). Patterns describe
 * GENERAL scam mechanics in our own words; nothing here is copied from any corpus.
 *
 * Weights (standard sensitivity: low ≥ 25, medium ≥ 50, high ≥ 75):
 *   ~55 = a near-unambiguous scam mechanic on its own (medium);
 *   ~30 = a strong cue that needs one more; ~15 = a weak cue; signals 8–20.
 */
export interface Src {
  zh: string;
  en: string;
}
export interface SrcRule {
  id: string;
  category: string;
  signal?: string;
  weight: number;
  match: { any: string[] } | { all: string[][]; window?: number } | { regex: string; gate: string[]; around?: [number, number] };
  negatable?: boolean;
  /** Filled from ROLES below (one table, read top-down): what this cue does in a scam. */
  role?: Role;
  explanation: Src;
  advice?: Src;
}

const L = (zh: string, en: string): Src => ({ zh, en });

export const VERSION = '2026.11.1';

export const CATEGORY_ADVICE: Record<string, Src> = {
  investment: L('不要向陌生人推荐的平台投钱。正规投资不会保证高收益，也不会让你转账到个人账户或买虚拟币。有疑问打96110咨询。', 'Do not put money into a platform a stranger recommends. Real investments never guarantee high returns or ask you to pay a personal account or buy crypto.'),
  pension: L('养老钱要守好。“高额返利”“以房养老”“保健品讲座送礼品”多是骗局。签字、交钱前先和子女商量，或打96110问一问。', 'Guard your retirement savings. "High rebates", house-for-pension deals and free health talks with gifts are common traps. Talk to your family before signing or paying.'),
  task_scam: L('刷单、点赞、垫付返利都是骗局，先给小甜头，再骗大钱。不要垫付任何钱。', 'Paid "tasks" that need you to advance money are scams: small payouts first, then your money is gone. Never pay in advance.'),
  impersonation_authority: L('公安、检察院、法院不会打电话办案，更没有“安全账户”。挂断电话，自己拨110核实。', 'Police and courts never handle cases by phone and there is no "safe account". Hang up and call 110 yourself.'),
  impersonation_acquaintance: L('说是熟人、亲戚、领导要钱，先打他原来的电话或当面确认，不要直接转账。', 'If a "friend, relative or boss" asks for money, call their usual number or check in person before paying.'),
  fake_customer_service: L('真正的客服不会让你转账、贷款或共享屏幕来“退款”“关闭服务”。请从官方App或官方电话联系。', 'Real customer service never asks you to transfer money, take a loan or share your screen to "refund" or "cancel" something. Use the official app or number.'),
  loan_credit: L('放款前要交“保证金”“解冻金”“手续费”的都是骗子。征信不能花钱“修复”。贷款请找正规银行。', 'Any lender asking for a deposit, unfreezing fee or handling fee before paying out is a scam. Credit records cannot be "repaired" for a fee.'),
  phishing_subsidy: L('不要点短信或网页里的链接去领补贴、退税、兑换积分，也不要填写银行卡号、密码和验证码。请到官方App或柜台办理。', 'Do not follow links to claim subsidies, tax refunds or points, and never type card numbers, passwords or codes there. Use the official app or counter.'),
  gambling: L('网络赌博是违法的，平台可以随意操控输赢，钱进去就拿不出来。', 'Online gambling is illegal here; the site controls who wins and your money will not come back out.'),
  card_trading: L('出租、出售银行卡、电话卡、收款码是违法的，会被冻结账户、列入惩戒名单，甚至坐牢。', 'Renting or selling bank cards, SIM cards or payment codes is a crime: accounts get frozen and people go to prison.'),
  romance: L('网上认识、没见过面的人，说要一起投资、借钱、寄礼物交关税，都是骗局。', 'An online partner you have never met who talks about investing together, borrowing money or customs fees for a gift is a scammer.'),
  illegal_service: L('代办证件、发票、色情服务、出售个人信息都是违法的，付了钱也常常被骗。', 'Fake documents, invoices, sex services and personal-data sales are illegal, and buyers are often cheated too.'),
};

/** Context vocabulary: these make a passage a REPORT about fraud, not fraud. */
export const CONTEXT = {
  // Only words scammers do not say about themselves: 民警/公安局/法院 are NOT here,
  // because impersonation scripts use them ("我是某某公安局民警").
  report: [
    '警方提醒', '警方提示', '警方表示', '警方介绍', '反诈', '以案说法', '以案释法', '诈骗', '骗局', '骗子', '被骗', '受骗', '上当',
    '抓获', '落网', '破获', '刑拘', '被判处', '被判', '获刑', '一审判决', '判决书', '记者', '据报道', '据了解', '报警', '96110',
    '冒充', '谎称', '诱骗', '骗取', '识破', '提高警惕', '不法分子', '犯罪分子', '作案', '涉案金额', '受害人', '被害人', '一男子', '一女子',
    '男子', '女子', '老人被', '网民', '警方', '缴获', '查处', '曝光', '提醒广大', '广大市民', '广大群众', '广大用户', '公安厅提醒', '公安局提醒', '反诈中心提醒', '防范意识', '常见套路', '新型骗术',
    'police said', 'scam alert', 'fraud alert', 'scammers', 'victims', 'how to spot', 'warning signs', 'was arrested',
  ],
  warn: ['谨防', '警惕', '提防', '小心', '注意防范', '请注意', '提醒', '提示', '切勿', '千万不要', '请勿', '一律', '凡是', '记住', '请立即停止', 'beware', 'be careful', 'warning signs'],
  disclosure: [
    '理财非存款', '产品有风险', '投资须谨慎', '投资有风险', '过往业绩不代表', '不代表未来表现', '风险评级', '风险等级', '风险承受能力', '业绩比较基准',
    '存款保险', '净值型', '以实际为准', 'past performance', 'capital at risk', 'not a deposit',
  ],
  negationScope: ['无需向', '不需要向', '无须向', '不必向', '无需任何', '不需要您', '不需要你', '无需您', '无须您', '不用您', '不会要您', '不要您', '不要你', '不要相信', '不要轻信', '切勿相信', '请勿相信', '不会要求', '不会以', '不会让', '不会向', '不会通过', '不会索要', '不会主动', '绝不会', '从不', '从来不会', '从来没有', '没有所谓的', '不存在所谓', 'will never', 'never ask', 'never asks', 'we never', 'do not ask'],
  refute: ['请勿点击', '不要点击', '切勿点击', '等短信', '都是骗局', '都是诈骗', '是骗局', '是诈骗', '多是骗局', '都是骗子', '都不要相信', '不要相信', '不要信', '别信', '都是假的', '是假的', '不可信', 'is a scam', 'are scams', 'is fraud'],
  negation: ['无需', '不收取', '不承诺', '不销售', '不发行', '免收', '不收', '无任何', '不要', '不会', '切勿', '谨防', '警惕', '从不', '绝不', '不存在', '没有', '不得', '严禁', '禁止', '拒绝', '不可能', '别', '勿', '防止', '不是', 'never', "don't", 'do not', 'not'],
};


/**
 * What each cue DOES in a scam (src/engine/policy.ts explains how roles bind):
 *  - ask: the reader is asked to move money, credentials or contact off the safe path
 *    (transfer, pay a fee, give a code/card/ID, install an app from a link, add a private
 *    chat ID, share the screen, take a loan);
 *  - lure: why they would (outsized or guaranteed returns, rebates, refunds, prizes,
 *    subsidies, free gifts, an illicit offer);
 *  - pressure: why now (arrest, frozen account, credit damage, deadline, secrecy), and
 *    the pretext that lends an ask its authority: a cold "I am your boss / the police /
 *    support" self-introduction (the *.opener rules, 换号了);
 *  - mechanism: one cue that can stand for an ask or for a lure (never both: a window
 *    still needs a second, distinct cue) because it already ties them inside its own
 *    small window ("pay the unfreezing fee before the loan is released"), or a contact
 *    deliberately spelled around filters (扣/企鹅 + digits: only illicit adverts hide), or
 *    black-market sale slang with no everyday meaning (日批, 回u, 料主: the offer is the ask);
 *  - topic: what the text is about (an official's title, a category's vocabulary):
 *    adds evidence to a bound window but never binds one.
 * A warning needs an ask and a lure or pressure in one sentence or two adjacent ones.
 */
export type Role = 'ask' | 'lure' | 'pressure' | 'mechanism' | 'topic';

export const ROLES: Record<string, Role> = {
  'inv.guaranteed-profit': 'lure', 'inv.principal-safe': 'topic', 'inv.guaranteed-product': 'lure', 'inv.mentor-group': 'lure', 'inv.group-words': 'topic', 'inv.platform-crypto': 'topic',
  'inv.withdraw-fee': 'mechanism', 'inv.platform-recharge': 'lure', 'inv.returns-high': 'lure', 'inv.en-pig-butchering': 'mechanism',
  'pen.project-return': 'mechanism', 'pen.house-for-pension': 'mechanism', 'pen.insurance-agent': 'mechanism', 'pen.health-talk': 'lure',
  'pen.cure-all': 'lure', 'pen.free-trip': 'lure', 'pen.buyback-storage': 'mechanism', 'pen.consume-rebate': 'mechanism', 'pen.support-fund': 'lure', 'pen.more-pension': 'lure', 'pen.target-elderly': 'topic',
  'task.brushing': 'lure', 'task.advance-payment': 'lure', 'task.easy-money': 'topic', 'task.hustle': 'lure', 'task.job-words': 'topic',
  'auth.safe-account': 'mechanism', 'auth.case-threat': 'pressure', 'auth.officer': 'topic', 'auth.case-transfer': 'mechanism',
  'auth.opener': 'pressure', 'auth.contact-request': 'ask', 'auth.call-transfer': 'pressure',
  'acq.new-number': 'pressure', 'acq.urgent-money': 'ask', 'acq.trouble': 'pressure', 'acq.opener': 'pressure', 'acq.photo-lure': 'mechanism',
  'acq.pay-this-account': 'ask', 'acq.help-pay': 'ask', 'acq.fake-order': 'mechanism',
  'cs.refund-claim': 'lure', 'cs.cancel-service': 'pressure', 'cs.card-suspend': 'pressure', 'cs.credit-product-close': 'pressure',
  'cs.flight': 'lure', 'cs.opener': 'pressure', 'cs.contact-request': 'ask', 'cs.remote-screen': 'ask', 'cs.loan-to-refund': 'mechanism',
  'loan.unfreeze-fee': 'mechanism', 'loan.no-check': 'lure', 'loan.opener': 'pressure', 'loan.credit-repair': 'lure', 'loan.fee-before': 'mechanism',
  'loan.app-approval': 'ask',
  'phish.points-cash': 'lure', 'phish.points-redeem': 'topic', 'phish.account-link': 'mechanism', 'phish.account-state': 'pressure',
  'phish.subsidy': 'lure', 'phish.login-link': 'ask', 'phish.prize': 'lure', 'phish.prize-fee': 'mechanism',
  'gamble.bonus': 'lure', 'gamble.games': 'topic', 'gamble.deposit-bonus': 'mechanism', 'gamble.site': 'topic', 'gamble.sure-win': 'lure', 'gamble.platform-sale': 'mechanism',
  'card.buy-sell': 'mechanism', 'card.money-mule': 'mechanism', 'card.mule-strong': 'mechanism', 'card.kit': 'mechanism', 'card.paofen': 'mechanism',
  'rom.endearment-money': 'mechanism', 'rom.online-partner': 'topic', 'rom.intimate-images': 'mechanism', 'rom.move-off-platform': 'ask',
  'ill.documents': 'lure', 'ill.cert-combo': 'lure', 'ill.invoice': 'lure', 'ill.buy-dm': 'ask', 'ill.sex': 'lure', 'ill.sex-combo': 'lure', 'ill.sex-lite': 'lure',
  'ill.sex-words': 'topic', 'ill.data': 'lure', 'ill.drugs-weapons': 'lure', 'ill.sex-sale': 'mechanism', 'ill.data-strong': 'mechanism',
  'ill.see-my-name': 'mechanism', 'ill.disguised-contact': 'mechanism',
  'bm.contact-shape': 'ask', 'sig.identity-request': 'ask', 'sig.contact-id': 'ask', 'sig.contact-handle': 'ask', 'sig.contact-add': 'ask',
  'sig.payment': 'ask', 'sig.payment-address': 'ask', 'sig.credential': 'ask', 'sig.phone': 'topic', 'sig.urgency': 'pressure',
  'sig.secrecy': 'pressure', 'sig.apk': 'ask', 'sig.url': 'ask', 'sig.buy-in': 'ask', 'sig.call-back': 'ask', 'sig.fee': 'ask', 'sig.reward': 'lure', 'sig.threat': 'pressure', 'sig.action': 'ask',
  'sig.en-payment': 'ask', 'inv.en-returns': 'lure', 'pen.on-site-sale': 'pressure', 'pen.prepay-return': 'lure',
};

export const RULES: SrcRule[] = [
  // ───────────── investment ─────────────
  {
    id: 'inv.guaranteed-profit', category: 'investment', weight: 45,
    match: { any: ['稳赚不赔', '只赚不赔', '包赚', '稳赚', '保本高收益', '零风险高收益', '无风险高收益', '无风险投资', '亏损包赔', '亏了包赔', '稳赢', '躺赚', 'guaranteed return', 'guaranteed returns', 'guaranteed profit', 'guaranteed profits', 'risk-free investment', 'risk free return'] },
    explanation: L('声称保本、零风险还能高收益：正规投资不会这样承诺。', 'Promises returns with no risk; real investments never can.'),
  },
  {
    id: 'inv.mentor-group', category: 'investment', weight: 35,
    // The lure of a stock-tip scam: free insider picks from a "mentor", a group that "closes when full".
    match: { any: ['带单', '喊单', '荐股', '免费荐股', '牛股', '内幕消息', '内部消息', '老师带', '导师带', '抓涨停', '涨停股', '黑马股', '妖股', '翻倍股', '牛股群', '短线牛股', '群满即封', '人满即封', '人满封群', '满员封群', '投资导师', '理财导师', '必涨', '每天必涨', 'trading signals', 'vip signal', 'investment mentor', 'trading mentor', 'copy trading', 'double your money'] },
    explanation: L('“老师带单”“荐股群”“内部消息”是投资骗局的常见开头。', '"Mentors", signal groups and insider tips are the usual start of an investment scam.'),
  },
  {
    id: 'inv.platform-crypto', category: 'investment', weight: 30,
    match: { any: ['虚拟币', '数字货币', '区块链项目', '挖矿', '矿机', '币圈', '合约交易', '量化交易', '量化机器人', '原始股', '股权投资', '外汇平台', '外汇投资', '期货平台', '数字资产', '元宇宙项目', 'usdt', 'trc20', 'crypto platform', 'bitcoin', 'btc', 'eth', 'mining pool', 'liquidity mining', 'forex'] },
    explanation: L('提到虚拟币、原始股、外汇等难以核实的投资品种。', 'Mentions hard-to-verify assets such as crypto, pre-IPO shares or forex platforms.'),
  },
  {
    id: 'inv.withdraw-fee', category: 'investment', weight: 45,
    match: { all: [['提现', '出金', '提币', 'withdraw', 'withdrawal'], ['保证金', '解冻', '个人所得税', '税费', '验证金', '风控', '流水不足', 'tax']], window: 30 },
    explanation: L('要你先交费、交税或“解冻”才能提现：钱已经拿不回来了，再交只会更多。', 'Asks for a fee or tax before you can withdraw: the money is already gone; paying more only loses more.'),
  },
  {
    id: 'inv.platform-recharge', category: 'investment', weight: 30,
    match: { all: [['平台', 'app', '软件', '网站', 'platform'], ['充值', '入金', 'deposit', 'invest'], ['收益', '回报', '利润', '分红', '返利', 'profit', 'return']], window: 40 },
    explanation: L('让你在某个平台或App充值投资并承诺收益。', 'Asks you to deposit into a platform or app for promised profits.'),
  },
  {
    id: 'inv.returns-high', category: 'investment', signal: 'returns', weight: 30,
    match: { regex: '(日|每日|每天|天天|周|每周|月|每月|年|年化|七日年化)(收益|回报|利润|分红|返利|返还|返现|返|利息|息|收益率|回报率|化收益率|化收益)?(率)?(高达|达|约|为|是|可达|稳定)?[:]?(\\d{1,3}(?:\\.\\d{1,3})?)%', gate: ['%'], around: [20, 2] },
    negatable: false,
    explanation: L('声称的收益折合年化远高于正常水平。', 'The claimed return, annualized, is far above any normal rate.'),
  },
  {
    id: 'inv.en-pig-butchering', category: 'investment', weight: 35,
    match: { all: [['crypto', 'bitcoin', 'usdt', 'trading platform', 'investment platform', 'exchange'], ['profit', 'returns', 'earn', 'gains', 'income'], ['my uncle', 'my aunt', 'insider', 'analyst', 'mentor', 'teach you', 'show you how', 'guaranteed', 'daily']], window: 160 },
    explanation: L('英文“加密货币投资”话术：熟人式的导师带你在平台上赚钱。', 'Classic crypto "pig-butchering" pitch: a friendly mentor shows you how to earn on a platform.'),
  },

  // ───────────── pension (elderly) ─────────────
  {
    id: 'pen.project-return', category: 'pension', weight: 45,
    match: { all: [['养老项目', '养老公寓', '养老基地', '养老院床位', '康养项目', '养老社区', '候鸟式养老', '旅居养老', '养老服务', '养老产业', '养生基地'], ['返利', '返现', '回报率', '收益率', '分红', '回购', '保本', '年息', '高息']], window: 60 },
    explanation: L('以养老项目、养老公寓为名，许诺返利、分红或回购：这是针对老人的集资骗局。', 'A "retirement project or flat" promising rebates, dividends or buy-back: a fundraising scam aimed at older people.'),
  },
  {
    id: 'pen.house-for-pension', category: 'pension', weight: 45,
    match: { all: [['抵押出去', '过户到公司', '房产委托', '委托公证', '房屋收益', '房产养老', '房子过户', '以房养老', '房产抵押', '房本', '房产证', '把房子', '房子抵押'], ['每个月给您', '养老钱', '养老工资', '保管', '理财', '投资', '高息', '利息', '每月领', '返利', '收益', '养老']], window: 50 },
    explanation: L('让老人把房子抵押去“理财”或“以房养老”：房子可能被骗走。', 'Asks older people to mortgage their home for an "investment" or house-for-pension deal: the home can be lost.'),
  },
  {
    id: 'pen.insurance-agent', category: 'pension', weight: 40,
    match: { all: [['养老保险', '社保', '养老金', '退休金'], ['代办', '包办', '走关系', '找关系', '托关系', '保证办成', '提高待遇', '内部指标', '内部名额']], window: 30 },
    explanation: L('声称能代办、补缴养老保险或走关系提高养老金：正规社保只能到社保机构办理。', 'Offers to "arrange" pension insurance or higher pensions through connections: real social insurance is only handled by the official office.'),
  },
  {
    id: 'pen.health-talk', category: 'pension', weight: 40,
    match: { all: [['讲座', '专家义诊', '健康讲座', '养生讲座', '免费体检', '会议营销', '健康课', '专家讲课', '体验店', '免费理疗'], ['保健品', '包治', '根治', '神药', '特效药', '降三高', '量子', '磁疗', '理疗仪', '磁疗床', '现场订购', '当场购买', '今天购买', '会员价', '限量抢购', '原价']], window: 80 },
    explanation: L('健康讲座、义诊送礼品，再高价推销“包治百病”的保健品：典型的坑老套路。', 'Free health talks with gifts that end in pricey "cure-all" supplements: a classic trap for older people.'),
  },
  {
    id: 'pen.cure-all', category: 'pension', weight: 35,
    match: { any: ['不得癌症', '白发变黑', '逆龄', '细胞活力', '体内毒素', '软化血管', '疏通血管', '三个疗程', '包治百病', '根治三高', '根治糖尿病', '不用吃药', '停药', '代替药物', '比药还管用', '祖传秘方', '神奇疗效', '治愈率100', '量子保健', '量子水', '包治'] },
    explanation: L('保健品不是药，声称能根治疾病、让人停药是虚假宣传。', 'Supplements are not medicine; claims they cure disease or replace medication are false.'),
  },
  {
    id: 'pen.free-trip', category: 'pension', weight: 35,
    match: { all: [['感恩游', '免费带', '双飞', '五日游', '六日游', '七日游', '旅居', '畅游', '免费体验', '温泉游', '免费旅游', '免费游', '一日游', '零元游', '0元游', '低价游', '老年游'], ['会员卡', '健康卡', '购物店', '补交', '团费', '展销会', '康养课', '办理会员', '购物', '产品', '讲座', '保健品', '玉石', '茶叶', '认购', '推介', '送礼']], window: 80 },
    explanation: L('“免费旅游”再诱导购物或听推介：旅游是诱饵。', '"Free trips" that lead to sales talks or shopping: the trip is bait.'),
  },
  {
    id: 'pen.buyback-storage', category: 'pension', weight: 45,
    match: { all: [['回购', '寄存', '寄售', '代卖', '托管'], ['藏品', '收藏品', '纪念币', '纪念钞', '邮票', '字画', '玉石', '古董', '红木', '茶叶', '艺术品']], window: 30 },
    explanation: L('买下藏品、茶叶等再“寄存”“回购”赚差价：到期没人回购，钱也没了。', 'Buy collectibles, tea etc. and "store" them for a promised buy-back: nobody buys back and the money is gone.'),
  },
  {
    id: 'pen.consume-rebate', category: 'pension', weight: 40,
    match: { any: ['消费返利', '消费全返', '购物返本', '买多少返多少', '消费养老', '消费即投资', '零成本养老', '扶贫项目返利', '国家项目返利'] },
    explanation: L('“消费全返”“养老帮扶金”等说法：先让你交钱，许诺的返还不会兑现。', '"Full refund on spending" or "pension support funds" promises: you pay first and the refund never comes.'),
  },
  {
    id: 'pen.target-elderly', category: 'pension', weight: 15,
    match: { any: ['老年人', '老人家', '中老年', '退休人员', '叔叔阿姨', '爷爷奶奶', '老干部', '银发', '60岁以上', 'seniors', 'retirees'] },
    explanation: L('面向老年人推销。', 'Aimed at older people.'),
  },

  // ───────────── task_scam ─────────────
  {
    id: 'task.brushing', category: 'task_scam', weight: 45,
    match: { any: ['刷单', '刷信誉', '刷流水', '点赞兼职', '关注抖音', '点赞任务', '关注任务', '做任务', '赚钱的任务', '任务赚钱', '任务佣金', '点赞赚钱', '关注赚钱', '做任务赚', '任务返利', '垫付任务', '连单', '卡单', '抢单返佣', 'like and earn', 'task commission', 'order boosting'] },
    explanation: L('刷单、点赞、做任务拿佣金：先返小钱，再让你垫付大钱。', 'Paid liking/ordering "tasks": small payouts first, then you are asked to advance large sums.'),
  },
  {
    id: 'task.advance-payment', category: 'task_scam', weight: 35,
    match: { any: ['先垫', '本金返还', '本金加佣金', '佣金日结', '日结佣金', '高额佣金', '返还本金', '垫付任务'] },
    explanation: L('要你先垫钱再返还本金和佣金。', 'Asks you to pay first and get principal plus commission back later.'),
  },
  {
    id: 'task.easy-money', category: 'task_scam', weight: 25,
    match: { all: [['兼职', '在家', '手机就能', '一部手机', '零门槛', '无门槛', '足不出户', 'part-time', 'work from home'], ['日入', '日赚', '日结', '月入', '每天赚', '一单', '佣金', '轻松赚', '收入', 'per day', 'daily pay']], window: 30 },
    explanation: L('“手机兼职、日入几百”的轻松赚钱广告。', '"Easy phone job, hundreds a day" adverts.'),
  },

  // ───────────── impersonation_authority ─────────────
  {
    id: 'auth.safe-account', category: 'impersonation_authority', weight: 45,
    match: { any: ['安全账户', '资金清查', '资产清查', '资金核查', '清查资金', '国家账户', '安全帐户'] },
    explanation: L('“安全账户”“资金清查”：公检法从来没有这种账户。', '"Safe account" or "fund check": police and courts have no such account.'),
  },
  {
    id: 'auth.case-threat', category: 'impersonation_authority', weight: 35,
    match: { any: ['涉嫌洗钱', '洗钱案', '通缉令', '逮捕令', '冻结令', '拘捕', '涉案账户', '你涉嫌', '您涉嫌', '身份被冒用', '名下银行卡涉', '配合调查', '协助调查', '保密协议', '刑事责任', '非法集资案', '涉嫌犯罪', '金融诈骗案', '经济犯罪', '犯罪案件', '密接', '被列为', '协助我们', '配合我们', '遣返', '身份信息泄露', '信息已泄露', '被冒用', '被人冒用', '被盗用', '盗用你的', '盗用您的', '冒用你的身份', '冒用您的身份', '办理了一张', '名下有', '传票', '立案', '资产冻结', '账户冻结'] },
    explanation: L('说你涉案、被通缉、要配合调查：这是冒充公检法的恐吓。', 'Says you are under investigation or wanted: impersonation of police to frighten you.'),
  },
  {
    id: 'auth.officer', category: 'impersonation_authority', weight: 20,
    match: { any: ['公安局', '检察院', '法院', '警官', '警号', '刑侦', '经侦', '网警', '医保局', '社保局', '卫健委', '税务局', '市场监管局', '国安', '银保监', '金融监管局', '警察', '疾控中心', '通信管理局', '通信局', '工信部', '移民局', '海关', '公安', '网络安全监察', '反洗钱中心', 'police officer', 'federal agent', 'irs'] },
    explanation: L('自称公安、检察院、法院或政府部门。', 'Claims to be police, a court or a government office.'),
  },
  {
    id: 'auth.case-transfer', category: 'impersonation_authority', weight: 35,
    match: { all: [['公安', '警官', '检察', '法院', '办案', '通缉', '涉嫌'], ['转账', '转入', '汇款', '验证码', '视频笔录', '屏幕共享', '共享屏幕', '安全账户']], window: 50 },
    explanation: L('“办案”的人让你转账、报验证码或下载软件。', 'Someone "handling your case" asks you to transfer money, read out codes or install software.'),
  },

  {
    id: 'auth.opener', category: 'impersonation_authority', weight: 35,
    match: { regex: '(我是|这里是|我们是|本人是)[^,.!?;:]{0,14}(公安|派出所|民警|警察|警官|检察院|法院|疾控|防控办|防疫|通信管理局|通信局|反诈中心|网警|社保局|医保局|税务局|海关|移民局|银保监|金融监管)', gate: ['我是', '这里是', '我们是', '本人是'], around: [0, 32] },
    explanation: L('一开口就自称公安、法院、疾控、通信管理局等部门的人：这些部门不会这样电话办事。', 'Opens by claiming to be police, a court, health or telecom authority: they do not handle matters this way.'),
  },

  {
    id: 'auth.contact-request', category: 'impersonation_authority', weight: 30,
    match: { all: [['公安', '民警', '警察', '警官', '检察', '法院', '疾控', '防控', '通信管理局', '反诈中心'], ['下载', '加微信', '加qq', '转账', '汇款', '验证码', '银行卡号', '按照提示', '按照指示', '按我说的', '屏幕', '会议号', '扫码']], window: 40 },
    explanation: L('自称公安、法院、疾控等部门的人，要你下载软件、转账或提供银行卡和验证码。', 'Someone claiming to be police, court or health officials asks you to install software, transfer money or give card details and codes.'),
  },

  // ───────────── impersonation_acquaintance ─────────────
  {
    id: 'acq.new-number', category: 'impersonation_acquaintance', weight: 30,
    match: { any: ['猜猜我是谁', '我换号了', '换了新号', '这是我新号', '我的新号码', '我是你领导', '我是你老板', '我是你的老同学', '我是你外甥', '我是你孙子', '我是你侄子', '这是我的新微信', '手机掉水里', '手机掉进', '手机坏了', '别人的手机', '朋友的手机', '我是你的同事', '我是你同事', '我是你的朋友', '我是你朋友', '我是你的老师', '我是你的舅舅', '我是小', '你看这是谁', '猜猜看是谁', '猜猜我是', '听出我的声音', '听不出我', '换了个号', '新注册的', '这个是我的新', '加我新微信', '加我的新微信', '微信被封', '微信号被封', '微信出了问题', '微信号出现了', '旧号不用', "it's me, new number", 'new number', 'my phone broke', 'lost my phone'] },
    explanation: L('“猜猜我是谁”“我换号了”：冒充熟人的开场白。', '"Guess who" or "this is my new number": the opener of a fake-acquaintance scam.'),
  },
  {
    id: 'acq.urgent-money', category: 'impersonation_acquaintance', weight: 40,
    match: { all: [['领导', '老板', '老师', '同学', '朋友', '亲戚', '儿子', '女儿', '孙子', '外孙', '侄子', '舅舅', '妈', '爸', '老同学', '班主任', '书记', '局长', '部长', '处长', '科长', '主任', '校长', '院长', '董事长', '总经理', 'mom', 'dad', 'grandma', 'grandpa', 'friend', 'boss'], ['借我', '借点', '借一下', '借钱', '借给我', '转账给我', '转给我', '打钱', '汇款', '急用', '周转一下', '先垫', '转一下', '帮我付', '帮忙付', '转点钱', '转笔钱', '转一笔', '转些钱', '打一笔', '垫一下', '往一个账号', '卡号发给我', 'send money', 'wire', 'gift card']], window: 80 },
    explanation: L('以熟人、领导、老师身份要求转账或借钱。', 'Someone presenting as a relative, boss or teacher asks for money.'),
  },
  {
    id: 'acq.trouble', category: 'impersonation_acquaintance', weight: 30,
    match: { any: ['出车祸了', '被拘留了', '被抓了', '在医院急需', '急需手术费', '打架被', '嫖娼被抓', '保释金', '不要告诉爸妈', '别告诉我爸妈', '私了', '车祸', '手术室', '抢救', '急需用钱', '医药费', '住院费', '打伤了', '把人打伤', '打伤人', '发生了冲突', '起了冲突', '打了起来', '需要赔钱', '赔钱才能', '赔偿对方', '被扣留', '滞留在', '被困在', '回不了国', '回国机票', '手头有点紧', '手头紧', '借点钱', "i'm in trouble", 'bail money', 'in the hospital'] },
    explanation: L('说亲人出事急需用钱，还让你保密。', 'Claims a relative is in trouble and needs money fast, and asks you to keep quiet.'),
  },

  {
    id: 'acq.opener', category: 'impersonation_acquaintance', weight: 25,
    match: { regex: '(我是|是我)[^,.!?;:]{1,6}?的(儿子|女儿|孙子|孙女|外孙|侄子|侄女|外甥|女婿|儿媳|亲属|亲戚|班主任|老师|辅导员|领导|老板|同学|同事)|(我是|是我)(你|您)?(的)?(儿子|女儿|孙子|孙女|外孙|侄子|侄女|外甥|女婿|儿媳|亲属|亲戚|哥哥|姐姐|弟弟|妹妹|老乡|战友|邻居|堂姐|表姐|堂哥|表哥|堂弟|表弟|老同学|同学|同事|朋友|领导|老板|老师|班主任|舅舅|叔叔|姑姑|小姨|老朋友|老战友|战友|老领导)|(我是|是我)[^,.!?;:]{0,3}(书记|局长|部长|处长|科长|主任|校长|院长|董事长|总经理|老总)', gate: ['我是', '是我'], around: [0, 16] },
    explanation: L('自称是你的亲戚、同学、领导或老师。', 'Claims to be your relative, classmate, boss or teacher.'),
  },
  {
    id: 'acq.photo-lure', category: 'impersonation_acquaintance', weight: 42,
    match: { all: [['这是谁', '这是你吗', '相册', '照片', '影集', '合影', '看看我们', '视频'], ['http', 'www', '链接', '网址', '.com', '.cn', '.top']], window: 20 },
    explanation: L('“你看这是谁/看看相册”加一个链接：点开可能中木马或被盗号。', '"Look who this is / see the album" with a link: opening it can install malware or steal your account.'),
  },
  {
    id: 'acq.pay-this-account', category: 'impersonation_acquaintance', weight: 30,
    match: { all: [['转到', '转入', '转给', '转', '汇到', '汇入', '打到', '存入', '付到'], ['账号', '卡号', '户名', '这张卡', '这个账户', '以下账户', '下面的账户']], window: 15 },
    explanation: L('给你一个账号让你转钱。', 'Gives you an account number to pay into.'),
  },

  {
    id: 'acq.help-pay', category: 'impersonation_acquaintance', weight: 30,
    match: { all: [['帮我', '帮忙', '你能不能', '您能不能', '能不能', '可不可以', '请你', '请您', '麻烦你', '麻烦您'], ['交一笔', '付一笔', '交关税', '付关税', '转给他', '转给她', '转给我', '转过去', '先转', '打过去', '借给我', '借我', '垫付', '垫一下', '转点', '转一笔', '汇款', '打钱', '先付', '先打钱', '付着', '买机票', '购买机票', '机票钱', '机票费用', '订一张', '买一张', '支付一下', '交一下', '代付一下', '帮我代付', '付一下']], window: 20 },
    explanation: L('请你先替他付钱、垫钱、汇款或买机票，说以后再还：冒充熟人借钱的典型说法。', 'Asks you to pay, advance money, wire funds or buy a ticket for them, to be repaid later: the typical fake-acquaintance ask.'),
  },
  {
    id: 'acq.fake-order', category: 'impersonation_acquaintance', weight: 40,
    match: { all: [['我是', '老师', '主任', '校长', '领导', '采购', '部队', '学校'], ['代购', '代采购', '帮忙采购', '帮我采购', '帮我代买', '帮忙代买', '代买', '先垫', '垫付', '垫一下', '指定供应商', '这家供应商', '供应商的联系方式']], window: 120 },
    explanation: L('自称老师、领导或单位采购，要你先替他向“指定供应商”代购、垫钱或付定金：这是虚假订单骗局，供应商也是骗子。', 'Someone presenting as a teacher, official or buyer asks you to buy from their "supplier" first, advance money or pay a deposit: a fake-order scam, the supplier is in on it.'),
  },

  // ───────────── fake_customer_service ─────────────
  {
    id: 'cs.refund-claim', category: 'fake_customer_service', weight: 20,
    match: { all: [['客服', '售后', '快递', '商家', 'customer service', 'support'], ['双倍赔付', '双倍赔偿', '三倍赔偿', '额外补偿', '给您退款', '给你退款', '为您办理退款', '为你办理退款', '理赔款', '赔偿您', '赔偿你', '退还您', '退还你', '补偿您', '补偿你', '丢件赔偿', 'refund you', 'compensate you']], window: 50 },
    explanation: L('自称客服要给你退款理赔：真正的退款会原路退回，不需要你操作转账。', 'A "customer service agent" offering a refund: real refunds go back automatically and never need you to transfer anything.'),
  },
  {
    id: 'cs.cancel-service', category: 'fake_customer_service', weight: 45,
    match: { any: ['注销校园贷', '注销学生账户', '注销贷款账户', '关闭百万保障', '百万保障', '关闭会员自动扣费', '影响征信', '会员自动扣费', '开通了会员', '取消代理', '关闭微信金融', '录错', '录入错误', '错误地录入', '设置错误', '误开通', '代理商权限', '代理角色', '会籍', '自动扣费', '每月扣费', '关闭借呗', '清空额度', '清除记录', '清理记录'] },
    explanation: L('“注销校园贷”“关闭百万保障”“否则影响征信”：这是假客服的典型说法。', '"Cancel your student loan account" or "turn off the million-yuan cover or your credit is hurt": typical fake-support lines.'),
  },
  {
    id: 'cs.card-suspend', category: 'fake_customer_service', weight: 40,
    match: { all: [['etc', '医保卡', '社保卡', '电子社保', '电信卡', '手机卡', '快递', '银行卡', '网银', 'u盾', '密码器', '航班'], ['停用', '失效', '冻结', '异常', '过期', '注销', '停机']], window: 20 },
    explanation: L('说你的ETC、医保卡、银行卡“失效”“异常”“冻结”要处理。', 'Claims your ETC, medical-insurance card or bank card is "suspended" or "abnormal".'),
  },
  {
    id: 'cs.credit-product-close', category: 'fake_customer_service', weight: 45,
    match: { all: [['金条', '白条', '花呗', '借呗', '微粒贷', '京东金融', '校园贷', '学生账户', '百万保障', '学生身份', '金融服务', '贷款账户', '会员服务'], ['关闭', '注销', '取消', '停用', '利率', '合规', '整改', '影响征信', '上征信', '记录']], window: 40 },
    explanation: L('说你的借贷或会员服务“不合规”要关闭注销，否则影响征信：假客服话术。', 'Says your credit or membership service is "non-compliant" and must be closed or your credit suffers: fake-support script.'),
  },
  {
    id: 'cs.flight', category: 'fake_customer_service', weight: 45,
    match: { all: [['航班', '机票', 'flight'], ['取消', '延误', '故障', '停飞', 'cancelled', 'canceled'], ['改签', '退票', '补偿', '赔偿', '理赔', '致电', '联系客服', 'compensation', 'rebook']], window: 80 },
    explanation: L('“航班取消，可改签并领补偿”：真正的航班变动请在航空公司官方App核实。', '"Flight cancelled, call to rebook and get compensation": check with the airline\'s official app.'),
  },
  {
    id: 'cs.opener', category: 'fake_customer_service', weight: 25,
    match: { regex: '(我是|这里是|我们是)[^,.!?;:]{0,14}(客服|售后|理赔|工作人员|客户经理|后台)', gate: ['我是', '这里是', '我们是'], around: [0, 30] },
    explanation: L('主动联系你、自称某平台客服或工作人员。', 'Contacts you unprompted, claiming to be a platform\'s support or staff.'),
  },
  {
    id: 'cs.contact-request', category: 'fake_customer_service', weight: 30,
    match: { all: [['客服', '客户经理', '理赔专员', '专员'], ['下载', '加微信', '加qq', '转账', '汇款', '验证码', '银行卡号', '按照提示', '按照指示', '按我说的', '屏幕', '会议号', '扫码']], window: 40 },
    explanation: L('自称客服或工作人员，要你下载软件、点链接、转账或提供银行卡和验证码。', 'Someone claiming to be support staff asks you to install software, follow a link, transfer money or give card details and codes.'),
  },
  {
    id: 'cs.remote-screen', category: 'fake_customer_service', weight: 40,
    match: { any: ['屏幕共享', '共享屏幕', '视频会议软件', '会议号', '会议室号', 'zoom', '腾讯会议', '远程协助', '远程控制', 'teamviewer', 'anydesk', 'screen share', 'remote access'] },
    explanation: L('让你下载会议软件或开屏幕共享：对方能看到你的密码和验证码。', 'Asks you to install meeting software or share your screen so they can see your passwords and codes.'),
  },
  {
    id: 'cs.loan-to-refund', category: 'fake_customer_service', weight: 40,
    match: { all: [['退款', '理赔', '注销', '关闭', '消除'], ['借出', '贷出', '借出来', '刷出来', '套出来', '申请贷款', '去借', '先借', '借一笔', '贷一笔', '在借呗', '在花呗', '从借呗', '从花呗', '在网贷', '从网贷', '备用金']], window: 40 },
    explanation: L('为了“退款/注销”让你去网贷平台借钱：钱会直接进骗子口袋。', 'To "refund" or "cancel", you are told to borrow from loan apps: the money goes straight to the scammer.'),
  },

  // ───────────── loan_credit ─────────────
  {
    id: 'loan.unfreeze-fee', category: 'loan_credit', weight: 45,
    match: { any: ['解冻金', '解冻费', '解冻资金', '账户被冻结需', '银行卡号错误', '卡号填错', '会员费才能放款', '保证金才能', '认证金'] },
    explanation: L('放款前要交解冻金、保证金或“刷流水”：正规贷款放款前不收费。', 'Asks for an unfreezing fee, deposit or "turnover proof" before lending: real lenders never charge before paying out.'),
  },
  {
    id: 'loan.no-check', category: 'loan_credit', weight: 25,
    match: { any: ['黑户可贷', '黑户也能', '不看征信', '无视征信', '征信花了也能', '不查征信', '秒批', '秒到账', '百分百下款', '100%下款', '包下款', '无需审核', '无视黑白', '逾期也能贷', 'no credit check', 'guaranteed approval'] },
    explanation: L('“不看征信、黑户秒批、包下款”：正规机构都要审核。', '"No credit check, guaranteed approval": every real lender checks.'),
  },
  {
    id: 'loan.opener', category: 'loan_credit', weight: 30,
    match: { regex: '(我是|这里是|我们是)[^,.!?;:]{0,14}(贷款|信贷|借贷|网贷|消费金融|金融服务)(公司|平台|机构)?', gate: ['我是', '这里是', '我们是'], around: [0, 30] },
    explanation: L('贷款公司主动找上门推销贷款。', 'A "loan company" contacting you unprompted.'),
  },
  {
    id: 'loan.credit-repair', category: 'loan_credit', weight: 45,
    match: { any: ['征信修复', '修复征信', '征信洗白', '洗白征信', '消除逾期', '消除不良记录', '征信铲单', '铲单', '征信异议代办', '代理维权减免', '停息挂账代办', 'credit repair'] },
    explanation: L('花钱“修复征信”“消除逾期记录”：征信不能花钱修改。', 'Paying to "repair credit" or erase overdue records: credit records cannot be bought clean.'),
  },
  {
    id: 'loan.fee-before', category: 'loan_credit', weight: 40,
    match: { all: [['贷款', '借款', '放款', '下款', '额度', 'loan'], ['保证金', '手续费', '服务费', '会员费', '押金', '先交', '先付', '公证费', '保险费', '流水', 'upfront fee', 'processing fee']], window: 30 },
    explanation: L('贷款到手前就要你交钱。', 'You must pay before you receive the loan.'),
  },
  {
    id: 'loan.app-approval', category: 'loan_credit', weight: 35,
    match: { all: [['贷款', '借款', '放款', '资金周转', '资金需求', '资金支持', 'loan'], ['下载', '添加', '加微信', '加qq', '审核通过', '已通过', '二维码', '扫码']], window: 40 },
    explanation: L('陌生来电或消息说贷款已批，让你加好友或下载App。', 'An unsolicited "your loan is approved" asking you to add a contact or install an app.'),
  },

  // ───────────── phishing_subsidy ─────────────
  {
    id: 'phish.points-cash', category: 'phishing_subsidy', weight: 45,
    match: { all: [['积分'], ['兑换现金', '兑现金', '换现金', '现金礼包', '的现金', '现金红包', '兑现']], window: 20 },
    explanation: L('“积分兑换现金”：让你点链接登录的钓鱼短信常用说法。', '"Redeem your points for cash": a common phishing lure that wants you to log in via a link.'),
  },
  {
    id: 'phish.points-redeem', category: 'phishing_subsidy', weight: 20,
    match: { all: [['积分', 'points'], ['兑换', '现金', '礼包', '元', 'redeem', 'cash']], window: 15 },
    explanation: L('说你的积分可以兑换钱或礼品。', 'Says your points can be redeemed for money or gifts.'),
  },
  {
    id: 'phish.account-link', category: 'phishing_subsidy', weight: 40,
    match: { all: [['账户', '账号', '手机银行', '网银', '密码器', '电子器', '信用卡', '会员账号', 'account'], ['异常', '失效', '过期', '冻结', '风险', 'unusual', 'suspended', 'locked'], ['http', 'www', '网址', '链接', '点击链接', '以下链接', 'link']], window: 40 },
    explanation: L('说你的账户有异常、要失效，让你点链接登录处理。', 'Says your account is abnormal or expiring and asks you to log in via a link.'),
  },
  {
    id: 'phish.account-state', category: 'phishing_subsidy', weight: 45,
    match: { all: [['密码器', '网银', '网上银行', '手机银行', '电子密码', 'u盾', '证书', '银行账户', '信用卡', '银行卡', '电子社保', '医保账户', '社保卡', 'bank account', 'your account'], ['失效', '过期', '冻结', '暂停使用', '停用', '作废', 'suspended', 'locked', 'expire']], window: 20 },
    explanation: L('说你的网银、密码器、银行卡“失效”“冻结”要升级激活：银行不会发链接让你这样做。', 'Says your online banking, token or card is "expiring" or "frozen" and must be re-activated: banks never send links for that.'),
  },
  {
    id: 'phish.subsidy', category: 'phishing_subsidy', weight: 40,
    match: { any: ['补贴待领取', '补发款', '津贴补发', '一次性补发', '补贴领取', '领取补贴', '补贴申领', '申领补贴', '个人补贴', '工资补贴', '社保补贴', '医保补贴', '失业补贴', '退税领取', '个税退税', '退税补贴', '退还税款', '防疫补贴', '电子补贴', '国家补助金', '疫情补贴', '专项补贴', '领取社保补贴', 'stimulus payment', 'claim your benefit', 'tax refund', 'unclaimed benefit', 'government grant'] },
    explanation: L('“领补贴”“退税”：政府补贴不会通过短信链接或陌生网页发放。', '"Claim your subsidy or tax refund": governments do not pay through links in messages or unknown pages.'),
  },
  {
    id: 'phish.login-link', category: 'phishing_subsidy', weight: 25,
    match: { all: [['登录', '登入', '登陆', '填写', '验证', '认证', 'log in', 'login', 'sign in', 'verify'], ['网址', '链接', '手机网', '网站', 'http', 'www', 'link']], window: 25 },
    explanation: L('要你点链接登录办理。', 'Asks you to follow a link and log in.'),
  },
  {
    id: 'phish.prize', category: 'phishing_subsidy', weight: 40,
    match: { any: ['幸运观众', '被抽中', '抽中您', '抽选为', '选为本次', '获得大奖', '场外幸运', '节目组', '抽奖活动中获得', "you've won", 'you have won', 'claim your prize', 'won a prize'] },
    explanation: L('说你中奖了，要交钱或填资料领奖。', 'Says you have won a prize that needs a fee or your details.'),
  },

  // ───────────── gambling ─────────────
  {
    id: 'gamble.bonus', category: 'gambling', weight: 40,
    match: { any: ['首存', '首充', '存送', '彩金', '返水', '洗码', '反水', '送体验金', '体验金', '出款', '提款秒到', '存款优惠'] },
    explanation: L('“首存送、彩金、返水”是网络赌场拉人的说法。', '"First-deposit bonus, free credits, rebates": how online casinos recruit.'),
  },
  {
    id: 'gamble.games', category: 'gambling', weight: 40,
    match: { any: ['百家乐', '真人视讯', '娱乐城', '时时彩', '六合彩', '北京赛车', 'pk10', '棋牌', '电子游艺', '捕鱼', '体育投注', '网投', '博彩', '赌场', '老虎机', '澳门赌', '葡京', '威尼斯人', '太阳城', '赌球', '下注', '投注', '菠菜', '开元', '皇冠体育', '线上赌', '网赌', '快三', 'online casino', 'sports betting', 'slots', 'baccarat'] },
    explanation: L('网络赌博平台的游戏或下注说法。', 'Online gambling games or betting.'),
  },
  {
    id: 'gamble.deposit-bonus', category: 'gambling', weight: 40,
    match: { all: [['充', '冲', '存', '注册', '开户', '入款'], ['送', '赠', '多给', '返'], ['流水', '取款', '提款', '出款', '打码', '倍水', '彩票', '投注', '真人', '棋牌', '捕鱼', '红利', '彩金', '百家乐']], window: 40 },
    explanation: L('“充多少送多少、倍流水即可取款”：网络赌场的充值优惠。', '"Deposit X get Y, withdraw after N× turnover": an online-casino deposit offer.'),
  },
  {
    id: 'gamble.site', category: 'gambling', weight: 35,
    match: { any: ['以小博大', '开户送', '开户免费送', '取款密码', '试玩', '红利', '码中特', '期期准', '期期免费', '平特', '即可提款', '游戏城', '游艺城', '娱乐场', '倍即可提', '反水', '彩票网', '购彩平台', '彩票平台', '开奖网', 'bbin', 'bwin', 'xpj', '新葡京', '金沙娱乐', '永利娱乐', '银河娱乐', 'ag真人', '澳门首家', '线上娱乐', '网络博彩', '信誉平台', '倍流水', '流水即可', '打码量', '六合', '特码', '合肖', '赔率全网', '赔率最高', '高倍率', '倍率高', '充提', '注册即送', '注册送', '娱乐平台', '游戏平台', '足球彩票', '倍水', '倍打码', '滚球', '提款', '免费旋转', '彩池', '新户送', '每日赠', '存款再送', '首存送', '首充送', '存款优惠', '水位', '电子游戏', '真人娱乐', '体育娱乐', '彩票网址', '老虎机', '捕鱼游戏', '卖盘', '出盘', '网站盘', '盘口出售', '搭建盘', '棋牌源码', '博彩源码', '菠菜源码', '彩票源码', '菠菜盘', '博彩盘', '信用盘', '现金盘'] },
    explanation: L('网络赌博网站的名字或规则说法。', 'Names or terms of online gambling sites.'),
  },
  {
    id: 'gamble.sure-win', category: 'gambling', weight: 30,
    match: { any: ['稳赢', '包中', '必中', '计划群', '彩票计划', '内部资料', '导师带', '回血', '上岸', '稳定盈利', '精准计划', '杀猪', '包赢'] },
    explanation: L('“包中、计划群、回血上岸”：赌博骗局拉人的话术。', '"Sure wins, tip groups, win your losses back": gambling-scam lines.'),
  },

  // ───────────── card_trading ─────────────
  {
    id: 'card.buy-sell', category: 'card_trading', weight: 45,
    match: { any: ['收卡', '出卡', '收购银行卡', '高价收', '收银行卡', '租卡', '出租银行卡', '出售银行卡', '收电话卡', '收手机卡', '收对公', '收公户', '对公账户出租', '收微信号', '收支付宝', '收收款码', '出租收款码', 'sell your bank account', 'rent your account'] },
    explanation: L('收购、出租银行卡、电话卡、收款码：这是帮诈骗洗钱的违法行为。', 'Buying or renting bank cards, SIM cards or payment codes: illegal money laundering for scammers.'),
  },
  {
    id: 'card.money-mule', category: 'card_trading', weight: 45,
    match: { any: ['车队', '一道', '承兑', '代收代付', '流水走账', '跑账', '料子', '资金盘', '收u', '换汇', '三方通道', '支付通道', '四方支付', '免押', '公私户', '对公户', '公户', 'u盾出', '卸货', '出黑', '黑白都接', '代收付', '四方通道', '可做代付', '代付通道', '代收通道'] },
    explanation: L('“跑分、车队、接料、回U、代收代付”：帮人转移赃款，是违法的。', '"Moving funds", "taking material", cash-out to USDT: laundering stolen money is a crime.'),
  },

  // ───────────── romance ─────────────
  {
    id: 'rom.endearment-money', category: 'romance', weight: 40,
    // "亲爱的用户/顾客/会员…" is shop and operator marketing, not a sweetheart.
    match: { regex: '(亲爱的|宝贝|老公|老婆|宝宝|我的爱|darling|honey|my love|sweetheart|babe)(?!用户|顾客|会员|客户|朋友|家人|小伙伴|们|的|茶友|业主|同学|读者|听众|玩家|车主|粉丝|亲|宝宝用品|新老)(?=[^]{0,160}?(投资|平台|转账|借|汇款|手续费|关税|包裹|机票|签证|充值|验证码|身份证|护照|裸照|私密|押金|还差|凑不齐|医保卡|invest|send money|customs|package|wire))', gate: ['亲爱的', '宝贝', '老公', '老婆', '宝宝', '我的爱', 'darling', 'honey', 'my love', 'sweetheart', 'babe'], around: [0, 180] },
    explanation: L('网恋对象谈情说爱的同时提到投资、借钱、关税或充值。', 'An online sweetheart who brings up investing, borrowing, customs fees or top-ups.'),
  },
  {
    id: 'rom.online-partner', category: 'romance', weight: 25,
    match: { any: ['网恋', '交友平台', '婚恋网', '相亲网站', '有缘人', '虚拟恋人', '交友群', '私密互动', '小甜心', '一见钟情', '缘分', '我们的未来', '见面之前', '军医', '维和部队', '海外工作', '石油平台', '单身', '寻找真爱', '婚恋顾问', '红娘', '约会', '相亲对象', '网友见面', '交友软件', '交友app', '战地记者', '退役', '维和', 'dating site', 'true love', 'our future', 'deployed overseas', 'peacekeeping', 'oil rig'] },
    explanation: L('网上婚恋交友的套路说法。', 'Typical online-dating lines.'),
  },

  {
    id: 'rom.intimate-images', category: 'romance', weight: 45,
    match: { any: ['发裸照', '交换裸照', '裸照发', '私密照', '私密视频', '自慰', '交换私密', '交换照片', '交换些', '裸体照', '身材照', '腰部以上', '闪照', '不穿衣服', 'nude photo', 'intimate photos', 'send me a photo of you'] },
    explanation: L('网上的“恋人”要你发裸照、私密视频：拿到后常用来敲诈勒索。', 'An online "partner" asking for nude photos or intimate videos: they are usually used for blackmail.'),
    advice: L('不要给网上认识的人发私密照片或视频。已经被威胁，不要转账，保留证据并报警。', 'Never send intimate photos or videos to someone you met online. If you are threatened, do not pay; keep the evidence and call the police.'),
  },
  {
    id: 'rom.move-off-platform', category: 'romance', weight: 30,
    match: { all: [['交友', '婚恋', '网友', '恋人', '有缘', '相亲', '认识你', '聊得', 'dating', 'we met'], ['链接', '下载', 'app', '验证', '充值', '会员', '私信', '加微信', '投资', '平台', '礼物', 'link', 'download', 'verify', 'invest']], window: 60 },
    explanation: L('网上交友的对象让你点链接、下载App、充值或投资。', 'An online contact pushes you to click a link, install an app, top up or invest.'),
  },

  // ───────────── illegal_service ─────────────
  {
    id: 'ill.documents', category: 'illegal_service', weight: 45,
    match: { any: ['代开发票', '代开', '发票代开', '办证', '刻章', '假证', '代办证件', '制作证件', '文凭证件', '证件和印章', '代考', '替考', '包过', '各种证件'] },
    explanation: L('代开发票、办证、刻章、代考：违法服务。', 'Invoices, certificates, stamps, exam proxies for sale: illegal services.'),
  },
  {
    id: 'ill.invoice', category: 'illegal_service', weight: 45,
    match: { all: [['发票', '税票', '票据', '进项', '发漂', '嘌', '增值票', '普通票'], ['代开', '代办', '可查', '保真', '真票', '点数', '点位', '税点', '点低', '低点', '验后付款', '验证后付款', '用后付款', '先用', '先验', '冲帐', '冲账', '抵扣', '最低价', '出售', '各行业', '各类', '国税地税', '机打', '专开', '带开', '可以开']], window: 25 },
    explanation: L('出售、代开发票：违法。', 'Invoices for sale: illegal.'),
  },
  {
    id: 'ill.buy-dm', category: 'illegal_service', weight: 25,
    match: { all: [['买', '卖', '看片', '想要的', '需要的', '资源', '要网址', '需要网址', '要的', '在线观看', '看视频'], ['私聊', '私我', '私信', '滴滴', '加我']], window: 10 },
    explanation: L('“想买的私聊我”：地下交易的招揽。', '"DM me to buy": an underground sales pitch.'),
  },
  {
    id: 'ill.sex', category: 'illegal_service', weight: 45,
    match: { any: ['包夜', '黄片', '裸聊', '同城约', '约吗', '私密群', '美女上门', '全套服务', '招聘公关', '公关月薪', '陪玩陪睡', '模特上门', '酒店上门', '啪啪', '色诱', '涩情', '瑟情', '裸播', '卖p', '裸拍', '约p', '同城上门', '性服务', '一夜情', '看黄', '看b', '买看', '插咪咪', '成人视频', '成人影片', '骚妹', '骚货', '口交', '做爱', 'escort', 'hookup', 'nudes', '卖片', '看偏'] },
    explanation: L('色情服务、色情视频的广告：违法，而且常常是骗钱的幌子。', 'Adverts for sex services or porn: illegal and often a pretext to take money.'),
  },
  {
    id: 'ill.data', category: 'illegal_service', weight: 45,
    match: { any: ['出售个人信息', '公民信息', '数据出售', '一手数据', '精准数据', '数据源', '料源', '接码', '解封', '引流', '批量注册', '群发', '短信群发', '营销软件', '定位手机', '查开房', '查档', '盗号', '黑客改分', '改分', '代发', '接群', '轨迹查询', '户籍查询', '短信代发', '彩信代发', '群发短信', '企业签', '报毒处理', '防报毒', '电销卡', '外呼线路', '语音线路', '短信通道', '洗料', 'carding', 'cvv', 'fullz', '社工库'] },
    explanation: L('买卖个人信息、账号、黑客服务：违法。', 'Personal data, accounts or hacking services for sale: illegal.'),
  },
  {
    id: 'ill.drugs-weapons', category: 'illegal_service', weight: 45,
    match: { any: ['机麻', '麻将机控制', '扑克分析仪', '透视眼镜', '出千', '赌具', '冰毒', '大麻', '摇头丸', 'k粉', '迷药', '听话水', '催情', '仿真枪', '气枪', '枪支', '出售枪', '上头电子烟', 'lsd'] },
    explanation: L('出售毒品、迷药、枪支：严重违法。', 'Drugs, sedatives or weapons for sale: serious crimes.'),
  },

  {
    id: 'ill.sex-sale', category: 'illegal_service', weight: 52,
    match: { any: ['日批', '曰批', '看片加', '片加', '看逼', '看拼', '买p', '约炮', '看妹妹', '寂寞少', '黄资源', '皇色', '买片', '看p', '看皇', '私播', '黄播', '包射', '猛射', '簧片', 'a片', '莞式', '楼凤', '援交', '买拼', '买偏', '男人的天堂', '无码', '靓妹', '少奶', '麦饼', '卖饼', '煌色', '看女主播', '裸聊加', '莞式一条龙'] },
    explanation: L('兜售色情视频或色情服务的暗语：违法，付了钱往往什么也拿不到。', 'Coded wording for selling porn or sex services: illegal, and buyers usually get nothing for their money.'),
  },
  {
    id: 'task.hustle', category: 'task_scam', weight: 32,
    match: { any: ['小白可做', '小白也能做', '小白也可做', '包教包会', '手把手带', '手把手教', '风口项目', '纯绿色', '绿色项目', '正规项目', '挂机搬砖', '搬砖项目', '当日见利润', '当天见收益', '单日利润', '单日收益', '每日利润', '稳定出单', '诚招代理', '招代理', '寻代理', '工作室可做', '花呗套现', '信用卡套现', '代抓', '无上车费', '上车费', '可实地考察', '拉新项目', '躺着赚钱', '一部手机就能赚', 'easy money project'] },
    explanation: L('“小白可做、包教包会、当日见利润”的赚钱项目招人：多是违法的灰色项目或先收费的骗局。', '"Anyone can do it, we teach you, profit the same day" money projects: usually illegal grey work or a pay-first scam.'),
    advice: L('天上不会掉馅饼。先交钱、或要你用自己的银行卡和账号“做项目”的，都可能让你被骗或犯法。', 'Nothing is free. A "project" that wants money first, or wants your own bank card and accounts, can cost you money or make you a criminal.'),
  },
  {
    id: 'card.mule-strong', category: 'card_trading', weight: 52,
    match: { any: ['回u', '二道', '卡接', '咔接', '卡主', '直押', '出u', '盗u', '假u', '黑u', '黑钱', '仿u', '接料', '料主', '混料', '上压', '白资', '无押', '洗米', '收盾', '冻卡', '秒冻', '实力卡商', '接黑', '可接黑', '码接'] },
    explanation: L('跑分、卡接、回U、收黑钱这些黑话只用在帮诈骗团伙转移赃款上：参与就是犯罪。', 'Jargon such as moving funds, card relays or cashing out to USDT is only used for laundering scam money: taking part is a crime.'),
  },
  {
    id: 'ill.data-strong', category: 'illegal_service', weight: 52,
    match: { any: ['上粉', '超级签', '报毒', '拉群', '协议号', '飞机号', '顶号', 'app封装', '封装app', '免杀', '电销线路', '成品号', '实名号', '开房记录'] },
    explanation: L('买卖账号、群发引流、给诈骗App做签名免杀、查开房记录：这些是为诈骗服务的黑产。', 'Selling accounts, mass messaging, signing scam apps to dodge antivirus, looking up hotel records: black-market services for fraud.'),
  },
  {
    id: 'ill.see-my-name', category: 'illegal_service', weight: 35,
    match: { regex: '看[^,.!?;:]{0,5}(名字|名称|昵称|网名|头像|佲|茗字|简介|主页)|(名字|名称|昵称|网名|佲|茗字)[^,.!?;:\\u4e00-\\u9fff]{0,3}(加|围|喂|威|薇)|check my (name|bio)|see my bio', gate: ['名字', '名称', '昵称', '网名', '头像', '佲', '茗字', '简介', '主页', 'check my', 'see my bio'], around: [7, 5] },
    explanation: L('“看我的名字/昵称/头像”：群里的垃圾广告把联系方式藏在昵称里，躲避过滤。', '"Look at my name/bio": spam hides its contact in the user name to dodge filters.'),
  },
  {
    id: 'ill.disguised-contact', category: 'illegal_service', weight: 30, negatable: false,
    match: { regex: '(企鹅|鹅|扣|寇|宼|窛|蔻|威|薇|韦|伟|徽|胃|卫星|喂)[^0-9a-z\\u4e00-\\u9fff]{0,3}(\\d{5,11}(?![\\d元万块%.])|[a-z]{1,4}\\d{3,8}(?!\\d))|(?<!\\d)\\d{6,11}[^0-9a-z\\u4e00-\\u9fff]{0,3}(企鹅|鹅|扣|寇|宼|窛|口)', gate: ['企鹅', '鹅', '扣', '寇', '宼', '窛', '蔻', '威', '薇', '韦', '伟', '徽', '胃', '卫星', '喂'], around: [14, 16] },
    explanation: L('把QQ、微信号故意写成“扣”“企鹅”“威”加数字：正常人不用这样躲过滤，多是违法广告。', 'A QQ/WeChat number deliberately spelled around filters ("企鹅", "扣", "威" + digits): ordinary people do not need to hide it; usually an illegal advert.'),
  },
  {
    id: 'bm.contact-shape', category: 'signal', signal: 'contact', weight: 18, negatable: false,
    match: { regex: '(企鹅|鹅|扣|寇|宼|窛|蔻|口|qq|q|微|威|薇|韦|伟|徽|胃|卫星|喂|v|加)[^0-9a-z\\u4e00-\\u9fff]{0,3}(\\d{6,11}(?!\\d)|[a-z]{1,4}\\d{3,8}(?!\\d))|(?<!\\d)\\d{6,11}[^0-9a-z\\u4e00-\\u9fff]{0,3}(企鹅|鹅|扣|寇|宼|口|q(?![a-z]))', // '加', '口', '微' are too common in prose to gate on (speed): they still match next to another gate.
    gate: ['企鹅', '鹅', '扣', '寇', '宼', '窛', '蔻', 'q', '威', '薇', '韦', '伟', '徽', '胃', '卫星', '喂', 'v'], around: [14, 16] },
    explanation: L('留下改写过的聊天号码（如“扣”“企鹅”“威”后面跟一串数字），想躲过过滤私下联系。', 'Leaves a disguised chat number (a QQ/WeChat id written around filters) to be contacted privately.'),
  },
  {
    id: 'sig.identity-request', category: 'signal', signal: 'request', weight: 22,
    match: { all: [['我是', '这里是', '我们是', '本人是', '我这边是', '我系', '本人系'], ['转账', '转一笔', '转笔钱', '转点钱', '转些钱', '汇款', '打款', '打钱', '转钱', '汇到', '转到', '验证码', '银行卡号', '卡号', '屏幕共享', '共享屏幕', '下载', '借我', '借点', '借一', '垫付', '先垫', '保证金', '手续费', '缴纳', '交纳', '充值', '扫码', '二维码', '密码', '身份证号', '身份证照片', '注册一个', '新的qq', '点击链接', '登录链接', '链接登录', '提供一些基本信息', '汇给', '打到', '付款', '人民币', '定金', '货款', '借钱', '借点钱', '赔钱', '保释', '代购', '代采购', '垫一下', '机票钱', '帮我买', '先帮我']], window: 260 },
    explanation: L('陌生人先报出一个身份（客服、民警、领导、亲友、工作人员），接着要你转钱、报验证码、给卡号或下载软件：这就是诈骗的套路。', 'A stranger first names who they are (support, police, a boss, a relative, staff), then asks you to pay, read out a code, give a card number or install an app: the pattern of a scam.'),
  },


  // ───────────── everyday words, only with the companions of their illicit sense (round two) ─────────────
  {
    id: 'card.kit', category: 'card_trading', weight: 45,
    // 四件套 is bedding in every shop; 银行卡/手机卡 are everyday. Only "buying them up" is card trading.
    match: { all: [['四件套', '两卡', '卡农', '卡商', '码商', '号商', '对公账户', '公户', 'u盾', '手机卡', '电话卡', '银行卡', '收款码'], ['高价收', '长期收', '收购', '高价回收', '出租', '租用', '收一手', '秒结', '日结', '当天结', '一卡一结', '长期出']], window: 10 },
    explanation: L('高价收购、出租银行卡、电话卡、“四件套”：帮诈骗团伙洗钱，是违法的。', 'Buying up or renting bank cards, SIM cards or the "four-piece kit": laundering for scammers, a crime.'),
  },
  {
    id: 'card.paofen', category: 'card_trading', weight: 45,
    // 跑分 is also a phone benchmark score; only with payment-relay words is it money moving.
    match: { all: [['跑分'], ['车队', '收款码', '佣金', '日赚', '码商', '代收', '通道', '卡农', '回u', 'usdt', '接单', '手续费', '保证金', '押金', '返点', '支付宝', '微信收款']], window: 20 },
    explanation: L('“跑分”赚佣金：用自己的收款码帮人过账，就是帮诈骗洗钱。', '"Running scores" for commission: passing other people\'s money through your payment code is laundering scam money.'),
  },
  {
    id: 'ill.sex-combo', category: 'illegal_service', weight: 45,
    // 上门服务 is also nursing care, repairs and free check-ups at home: only with the sex-trade companions.
    match: { all: [['上门服务', '上门', '全套', '快餐', '会所', '一条龙', '丝足', '男士休闲', '可约', '包夜'], ['美女', '妹', '少妇', '学生妹', '靓妹', '萝莉', '模特', '颜值', '身材', '小姐', '外围', '嫩', '性感', '无需定金', '满意付款', '包射', '大保健']], window: 15 },
    explanation: L('“美女上门、全套、包夜”等色情服务广告：违法，而且常常是骗定金的幌子。', 'Sex-service adverts ("girls come to your hotel", "full service"): illegal, and often a pretext to take a deposit.'),
  },
  {
    id: 'ill.sex-lite', category: 'illegal_service', weight: 30,
    match: { any: ['资源群', '福利群', '看片', '全裸', '私密视频', '麦片', '学生妹'] },
    explanation: L('招揽看色情视频、进“福利群”的说法。', 'Invitations to porn videos or "bonus groups".'),
  },
  {
    id: 'ill.sex-words', category: 'illegal_service', weight: 15,
    match: { any: ['外围', '黄色', '色情', '小视频', '萝莉', '少妇', '视频加'] },
    explanation: L('与色情有关的词（也有日常含义，单独不算数）。', 'Words linked to porn (they also have everyday meanings, so they never count alone).'),
  },
  {
    id: 'phish.prize-fee', category: 'phishing_subsidy', weight: 45,
    match: { all: [['中奖', '奖金', '大奖', '领奖', '奖品', 'prize'], ['手续费', '保证金', '公证费', '邮费', '先交', '先缴', '先付', 'fee']], window: 30 },
    explanation: L('说你中了奖，领奖前要先交手续费、税费或保证金：真正的奖不用先交钱。', 'Says you won a prize but must pay a fee or tax first: real prizes never need money first.'),
  },
  {
    id: 'inv.principal-safe', category: 'investment', weight: 20,
    // Deposits are 保本保息 by law: on their own these words are a bank's deposit page, not a lure.
    match: { any: ['原价回购', '到期回购', '退本金', '全额退本金', '回本', '本金全还', '本金无忧', '保证本金', '本金安全', '随时可退', '本金一分不少', '到期还本', '还本付息', '保本', '保本保息', '本息保证', '保证本息', '本息保障', '零风险', '保证收益', '收益有保障', 'no risk'] },
    explanation: L('声称保本、零风险（存款也这样说，单独不算数；配合高收益就是诱饵）。', 'Claims principal is safe or risk-free (deposits say so too; it only counts with a high-return lure).'),
  },
  {
    id: 'task.job-words', category: 'task_scam', weight: 10,
    match: { any: ['打字员', '手工活在家做', '日结兼职', '在家兼职', '宝妈兼职', '学生兼职', '高薪兼职', '动动手指'] },
    explanation: L('兼职招聘用语（招聘网站上很常见，单独不算数）。', 'Part-time job wording (common on job boards; never counts alone).'),
  },


  {
    id: 'pen.support-fund', category: 'pension', weight: 35,
    match: { any: ['养老帮扶', '帮扶金', '养老补贴申领', '养老帮扶金', '高龄补贴领取'] },
    explanation: L('“养老帮扶金”“养老补贴申领”：真正的补贴由政府部门发放，不用交钱、不用加好友。', '"Pension support funds" or "pension subsidy claims": real subsidies come from the government office and never need a payment or a chat contact.'),
  },
  {
    id: 'gamble.platform-sale', category: 'gambling', weight: 45,
    match: { any: ['卖盘', '出盘', '网站盘', '盘口出售', '搭建盘', '棋牌源码', '博彩源码', '菠菜源码', '彩票源码', '菠菜盘', '博彩盘', '信用盘', '现金盘'] },
    explanation: L('出售、搭建赌博网站（“盘口”“源码”）：为网络赌博提供工具，违法。', 'Selling or building gambling sites ("platforms", "source code"): tools for illegal online gambling.'),
  },
  {
    id: 'sig.buy-in', category: 'signal', signal: 'payment', weight: 12,
    match: { any: ['资金投入', '投入我们', '投到我们', '放我们', '放到我们', '活动价', '现场特价', '团购价', '尾款', '订满', '办理会员', '办了会员', '预交', '预付', '预缴', '交押金', '交定金', '先付', '付定金', '办理会员', '入会费', '先垫付', '垫付', '充值', '入金', '认购', '认筹', '当场购买', '现场购买', '今天购买', '当场认购', '现场认购', '一次交', '一次性交', '先交', '交钱', '定金', '预存', '入股', 'top up', 'deposit now'] },
    explanation: L('要你充值、认购、先交钱。', 'Asks you to top up, subscribe or pay first.'),
  },
  {
    id: 'sig.call-back', category: 'signal', signal: 'contact', weight: 10, negatable: false,
    match: { regex: '(致电|拨打|回电|call)[^0-9]{0,6}(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|400-?\\d{3}-?\\d{4})(?!\\d)', gate: ['致电', '拨打', '回电', 'call'], around: [0, 30] },
    explanation: L('让你打一个号码去“办理”。', 'Asks you to call a number to "sort it out".'),
  },


  {
    id: 'inv.group-words', category: 'investment', weight: 15,
    // Everyday words of investing and of chat groups (建群, 翻倍, 股友): never a lure alone.
    match: { any: ['股票群', '投资群', '炒股群', '涨停板', '跟单', '讲股', '股友', '股民交流', '操盘手', '开群', '进群即可', '交流群', '建群', 'qq口令', '投资专家', '投资顾问', '财富自由', '稳定收益', '翻倍', '翻番'] },
    explanation: L('投资、炒股群的常用词（单独不算数）。', 'Common words of investing and stock groups (never count alone).'),
  },



  {
    id: 'auth.call-transfer', category: 'impersonation_authority', weight: 30,
    // "Your call will be put through to the police": the hand-over step of impersonation calls.
    match: { all: [['转接', '转到', '转给', '移交给', '转交给'], ['公安', '警方', '派出所', '刑侦', '网警', '检察院', '法院']], window: 8 },
    explanation: L('“电话帮你转接到公安局”：真正的部门不会在电话里把你转给警察办案。', '"We will put your call through to the police": real offices never hand you to the police by phone.'),
  },


  {
    id: 'ill.cert-combo', category: 'illegal_service', weight: 40,
    // 毕业证/资格证 are what every job application asks for; only "can be bought" makes them illegal.
    match: { all: [['毕业证', '学历证', '资格证', '学位证', '驾驶证', '身份证', '证书'], ['可查', '包过', '出售', '代办', '快速拿证', '不用考试', '免考', '学信网可查', '高仿', '全套', '一条龙']], window: 10 },
    explanation: L('花钱“办”毕业证、资格证、驾驶证，还说“可查”“包过”：都是假证或骗局。', 'Buying diplomas, certificates or licences that are "verifiable" or "guaranteed": fake documents or a scam.'),
  },


  {
    id: 'inv.guaranteed-product', category: 'investment', weight: 40,
    // "This product is principal-and-interest guaranteed": a lure when a product is pitched
    // with it (a bank's deposit page says it too, but asks for no private contact: the
    // binding and its weakest link decide).
    match: { all: [['保本保息', '保本', '保证收益', '零风险', '本息保障', '保证本息'], ['理财', '产品', '投资', '项目', '基金', '课堂']], window: 12 },
    explanation: L('把理财产品、投资项目说成保本保息、零风险：正规理财不能承诺保本。', 'Pitches an investment product as principal-guaranteed or risk-free: licensed wealth products cannot promise that.'),
  },


  {
    id: 'pen.more-pension', category: 'pension', weight: 30,
    // The pension lure: more money every month, a back-payment, a sum that multiplies.
    match: { any: ['每月多领', '多领一份', '提高养老金', '提到每个月', '养老金提档', '一次补齐', '变十万', '翻十倍', '起息', '颐养金', '养老工资', '康养红利', '按月拿利息', '每个月给您', '每月稳定', '终身多领'] },
    explanation: L('许诺每月多领养老金、补发一大笔或“钱生钱”：正规调整由社保机构直接办理，不收费。', 'Promises a bigger monthly pension, a large back-payment or money that multiplies: real adjustments are made by the pension office, free of charge.'),
  },
  {
    id: 'sig.fee', category: 'signal', signal: 'payment', weight: 12,
    // A fee invented to release a benefit. Ordinary fees (工本费, 手续费, 服务费) are not here.
    match: { any: ['激活费', '审核费', '调取费', '核定费', '好处费', '诚意金', '代办费', '解锁费', '认证费', '提档费', '排队费'] },
    explanation: L('要你先交一笔名目奇怪的费用（激活费、审核费、好处费）才给你好处。', 'Asks for an oddly named fee (activation, review, "thank-you" fee) before you get the benefit.'),
  },

  // ───────────── general mechanics, weak on their own (their weights are fitted) ─────────────
  {
    id: 'sig.reward', category: 'signal', signal: 'returns', weight: 8,
    // Why someone would act: money or gifts offered. Everyday in marketing, so weak and never alone.
    match: { any: ['奖励金', '现金奖励', '奖励券', '红包', '礼品卡', '免费领取', '免费赠送', '赠送', '返现', '返还', '补偿金', '赔偿金', '退款', '补贴', '福利', '回馈', '奖品', '中奖', '高回报', '高收益', '高额回报', '收益', '利润', '赚钱', '佣金', '分红', '利息', '翻倍', 'reward', 'bonus', 'free gift', 'cash back', 'refund', 'compensation', 'prize', 'profit', 'high returns', 'earn'] },
    explanation: L('许诺给钱、给礼品、给收益。', 'Offers money, gifts or returns.'),
  },
  {
    id: 'sig.threat', category: 'signal', signal: 'urgency', weight: 8,
    // Why now: a threat to the reader's money, record or freedom. Also everyday in notices, so weak.
    match: { any: ['被扣', '扣押', '被扣留', '在催', '催促', '来不及', '急需', '很急', '着急', '等着用', '今天之内', '今晚之前', '前不到账', '过时不候', '抢完为止', '冻结', '停用', '失效', '过期', '逾期', '违规', '违法', '涉嫌', '影响征信', '上征信', '征信', '封号', '注销', '起诉', '法律责任', '罚款', '罚金', '拘留', '逮捕', '紧急', '立即', '马上', '尽快', '否则', '后果自负', '异常', 'suspended', 'locked', 'urgent', 'immediately', 'overdue', 'penalty', 'legal action', 'arrest', 'warrant'] },
    explanation: L('用冻结、违法、逾期、紧急等说法给你施压。', 'Pressure: frozen, illegal, overdue, urgent.'),
  },
  {
    id: 'sig.action', category: 'signal', signal: 'request', weight: 6,
    // The reader is told to do something. Every page does this ("登录", "支付"), so weak; it only
    // matters bound to a lure or a threat.
    match: { any: ['点击', '点此', '访问', '登录', '扫描', '扫码', '回复', '填写', '提交', '确认', '验证', '领取', '联系', '添加', '下载', '安装', '注册', '开通', '支付', '付款', '转账', '汇款', '购买', '缴纳', '交纳', '缴费', 'click', 'visit', 'log in', 'sign in', 'verify', 'confirm', 'reply', 'contact', 'download', 'install', 'register', 'pay', 'purchase', 'send'] },
    explanation: L('要你去点、去填、去付、去联系。', 'Tells you to click, fill in, pay or get in touch.'),
  },

  // ───────────── generic signals (attributed to the strongest category) ─────────────
  {
    id: 'sig.contact-id', category: 'signal', signal: 'contact', weight: 18, negatable: false,
    match: { regex: '(?:(?<![a-z])(?:qq|telegram|whatsapp|line|skype)|微信|飞机|企鹅|加我|私聊|加v)(?:号码|号|id)?(?:同号)?[:@+ ]{0,3}(?:[a-z][a-z0-9_.-]{4,}|\\d[a-z0-9_.-]{5,})', gate: ['微信', 'qq', 'telegram', 'whatsapp', 'line', 'skype', '飞机', '企鹅', '加我', '私聊', '加v'], around: [0, 40] },
    explanation: L('留下私人聊天账号，把你引到平台之外私聊。', 'Leaves a private chat ID to move you off the platform.'),
  },
  {
    id: 'sig.contact-handle', category: 'signal', signal: 'contact', weight: 15, negatable: false,
    match: { regex: '(t\\.me/[a-z0-9_+]{3,}|@[a-z][a-z0-9_]{4,}|wa\\.me/\\d{6,})', gate: ['t.me/', '@', 'wa.me/'], around: [0, 40] },
    explanation: L('留下Telegram/WhatsApp等账号。', 'Leaves a Telegram/WhatsApp handle.'),
  },
  {
    id: 'sig.contact-add', category: 'signal', signal: 'contact', weight: 15, negatable: false,
    match: { any: ['加微信', '加我微信', '添加微信', '加好友', '私聊', '私信我', '加qq', '加群', '进群', '拉你进群', '下载app', '下载软件', '下载客户端', '扫码下载', '扫码加', '添加客服', '联系专员', '找专员', '加v', '加我', '滴滴我', 'add me on', 'dm me', 'message me on', 'whatsapp me', 'contact me on telegram', 'join our group'] },
    explanation: L('催你加好友、私聊或下载App。', 'Pushes you to add a contact, chat privately or install an app.'),
  },
  {
    id: 'sig.payment', category: 'signal', signal: 'payment', weight: 18,
    match: { any: ['转我', '微信转我', '把钱转', '转到我', '转到我们', '个人卡', '转过来', '钱转', 'customs fee', 'clearance fee', 'release fee', 'pay the customs', '转到这个卡', '转到这张卡', '个人账户转账', '转到公司账户', '转账到公司账户', '转账到个人', '转账到', '转账至', '转入', '汇款到', '汇入', '打款到', '打到这个', '指定账户', '指定账号', '转账给', '转给我', '打钱', '汇款至', '扫描二维码支付', '扫码付款', 'usdt', 'trc20', '比特币', '点卡', '购物卡', '礼品卡', 'wire transfer', 'gift card', 'bank transfer', 'pay the fee', 'send bitcoin', 'send usdt'] },
    explanation: L('要求转账、充值或交押金。', 'Asks you to transfer, top up or pay a deposit.'),
  },
  {
    id: 'sig.payment-address', category: 'signal', signal: 'payment', weight: 20, negatable: false,
    match: { regex: '(\\bt[1-9a-hj-np-z]{33}\\b|\\b0x[0-9a-f]{40}\\b|(卡号|账号|账户|帐号|收款|户名|农行|建行|工行|中行|招行|交行|邮储|银行)[^0-9]{0,6}\\d{12,19})', gate: ['usdt', 'trc', 'wallet', 'address', '地址', '钱包', '0x', '卡号', '账号', '账户', '帐号', '收款', '户名', '农行', '建行', '工行', '中行', '招行', '交行', '邮储', '银行'], around: [60, 90] },
    explanation: L('给出收款卡号或加密货币地址。', 'Gives a bank account or crypto wallet to pay into.'),
  },
  {
    id: 'sig.credential', category: 'signal', signal: 'credential', weight: 22,
    match: { all: [['回复', '告诉我', '发我', '发给我们', '报一下', '提供', '告诉', '报给', '发给', 'provide', 'share'], ['六位数', '身份证号码', '验证码', '动态码', '校验码', '密码', '支付密码', '银行卡号', '身份证号', '身份证照片', '手持身份证', 'cvv', '人脸识别', 'one-time code', 'otp', 'password', 'pin', 'card number', 'ssn']], window: 15 },
    explanation: L('索要验证码、密码、银行卡号或身份证。', 'Asks for a code, password, card number or ID.'),
  },
  {
    id: 'sig.phone', category: 'signal', signal: 'contact', weight: 8, negatable: false,
    match: { regex: '(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)', gate: ['电话', '热线', '致电', '拨打', '来电', '电', '联系', '咨询', 'call', 'tel'], around: [0, 24] },
    explanation: L('留下电话让你打过去。', 'Gives a phone number to call.'),
  },
  {
    id: 'sig.urgency', category: 'signal', signal: 'urgency', weight: 10, negatable: false,
    match: { any: ['限时', '名额有限', '仅限今天', '今日内', '今天内', '24小时内', '逾期失效', '逾期作废', '逾期将', '过期作废', '立即处理', '立即办理', '马上处理', '尽快处理', '最后一天', '错过再等', '机不可失', '倒计时', '否则将', '否则会', 'act now', 'urgent', 'within 24 hours', 'limited time', 'expires today', 'immediately'] },
    explanation: L('催你马上行动、不给你时间想。', 'Rushes you so you have no time to think.'),
  },
  {
    id: 'sig.secrecy', category: 'signal', signal: 'secrecy', weight: 20, negatable: false,
    match: { any: ['别跟孩子说', '先别跟孩子', '不要跟孩子说', '别跟子女说', '别往外说', '别跟家里说', '别告诉孩子', '跟孩子说了', '别跟你家', '别告诉', '别跟别人说', '别说出去', '别让别人知道', '别在群里说', '不要跟家里人说', '对家人保密', '不要告诉家人', '不要告诉任何人', '不要告诉子女', '不要告诉别人', '别告诉家人', '不能告诉', '保密', '不要声张', '不要挂断', '不要挂电话', '不要让家人知道', '单独一个人', '找个安静', "don't tell anyone", 'keep this secret', 'keep it between us'] },
    explanation: L('要你保密、不让家人知道：骗子怕你被人提醒。', 'Asks you to keep it secret from family: scammers fear someone will warn you.'),
  },
  {
    id: 'sig.apk', category: 'signal', signal: 'apk', weight: 20, negatable: false,
    match: { regex: '[a-z0-9_/-]\\.apk\\b|下载[^,.!?;:]{0,10}?(app|软件|安装包|客户端|应用)|安装包', gate: ['.apk', '下载', '安装包'], around: [10, 20] },
    explanation: L('让你下载安装来路不明的App或安装包。', 'Asks you to install an unknown app or APK.'),
  },
  {
    id: 'sig.url', category: 'signal', signal: 'url', weight: 10, negatable: false,
    match: { regex: '(https?://|www\\.)[a-z0-9-]+|[a-z0-9-]{2,}\\.(com|cn|net|top|xyz|vip|cc|me|app|shop|site|info|club|io)\\b', gate: ['http', 'www.', '.com', '.cn', '.net', '.top', '.xyz', '.vip', '.cc', '.me', '.app', '.shop', '.site', '.info', '.club', '.io'], around: [30, 40] },
    explanation: L('带有链接。', 'Contains a link.'),
  },
  // ───────────── round two: general asks and lures (issue 8 recall) ─────────────
  {
    id: 'sig.en-payment', category: 'signal', signal: 'payment', weight: 18,
    // English asks that move money off the safe path: wires, gift cards, crypto to a wallet.
    match: { any: ['wire the money', 'wire transfer to', 'send the money', 'send money to', 'send me the money', 'buy gift cards', 'buy some gift cards', 'gift card codes', 'scratch off the back', 'send bitcoin', 'send usdt', 'to the wallet', 'western union', 'moneygram', 'pay a small fee', 'pay the fee', 'pay a fee', 'processing fee', 'send your first deposit', 'make a deposit to', 'send a deposit', 'transfer the funds to'] },
    explanation: L('用英文要求汇款、买礼品卡、把加密货币打到钱包或先付手续费。', 'Asks you to wire money, buy gift cards, send crypto to a wallet or pay a fee first.'),
  },
  {
    id: 'inv.en-returns', category: 'investment', weight: 30,
    // The English yield lure: a return promised per day, week or month, or "guaranteed".
    match: { all: [['guaranteed', 'fixed', 'daily', 'weekly', 'monthly', 'every day', 'every week', 'per day', 'per week', 'a day', 'a week'], ['return', 'returns', 'profit', 'profits', 'roi', 'payout', 'payouts', 'earnings']], window: 24 },
    explanation: L('用英文许诺每天、每周、每月固定或有保证的收益。', 'Promises a fixed or guaranteed daily, weekly or monthly return.'),
  },
  {
    id: 'pen.on-site-sale', category: 'pension', weight: 25,
    // The close of a health talk or a free trip: buy today, at the venue, or lose the price.
    match: { any: ['现场订购', '当天订购', '当天不订', '当场订购', '现场下单', '当天下单', '当天购买享', '当天购买可', '当天没买', '当天不买', '现场认购', '当天签约', '会后购买', '现场刷卡', '当天只要', '当天才有'] },
    explanation: L('讲座、旅游或体验活动最后催你当天、当场下单：这是会销的收网环节。', 'A talk, trip or trial that ends with "buy today, here, or lose the price": the close of a sales-seminar scam.'),
  },
  {
    id: 'pen.prepay-return', category: 'pension', weight: 40,
    // Money paid in advance for a bed, a membership or a card that then "earns" a return.
    match: { all: [['预存', '预交', '预付', '会员费', '会员卡', '入会', '床位费', '办卡'], ['回报', '返利', '利息', '分红', '年息', '每月返', '回馈', '收益', '赚']], window: 40 },
    explanation: L('预存、预交会员费或床位费还能“拿回报、返利息”：这是以养老为名的非法集资。', 'Money paid in advance for a membership or a bed that "earns" a return: illegal fundraising dressed as elder care.'),
  },
];
