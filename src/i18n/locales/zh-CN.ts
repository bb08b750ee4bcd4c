/**
 * Source catalog (Simplified Chinese, the default). Every user-visible string lives
 * here and in zh-TW.ts / en.ts; TypeScript and tests/unit/i18n reject a missing key.
 * `{name}` placeholders are filled by t().
 */
export const zhCN = {
  extName: '反诈哨兵',
  'level.none': '未发现风险',
  'level.low': '低风险',
  'level.medium': '中风险',
  'level.high': '高风险',
  'category.investment': '虚假投资理财',
  'category.pension': '养老诈骗',
  'category.task_scam': '刷单返利',
  'category.impersonation_authority': '冒充公检法',
  'category.impersonation_acquaintance': '冒充熟人/领导',
  'category.fake_customer_service': '冒充客服',
  'category.loan_credit': '虚假贷款/征信',
  'category.phishing_subsidy': '虚假补贴/钓鱼',
  'category.gambling': '网络赌博',
  'category.card_trading': '买卖银行卡/跑分',
  'category.romance': '网恋交友诈骗',
  'category.illegal_service': '违法服务',
  'alert.title': '反诈哨兵提醒：这个页面可能是诈骗',
  'alert.reasons': '我们发现了这些可疑说法：',
  'alert.advice': '不要转账，不要透露验证码。拿不准时，先问家人，或拨打 96110 咨询。',
  'alert.dismiss': '我知道了，本次不再提醒',
  'alert.call96110': '拨打 96110 反诈专线',
  'popup.title': '当前页面',
  'popup.noData': '这个页面还没有检测结果',
  'popup.reasons': '原因',
  'popup.openOptions': '设置',
  'options.title': '反诈哨兵设置',
  'warning.title': '危险！这个网站可能是诈骗网站',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Catalog = Record<MessageKey, string>;
