import i18next from 'i18next';
import type { Locale } from '../../src-shared/domain/screen-pop';
import { softphoneMessages, type SoftphoneMessages } from './softphone-messages';
import { workspaceMessages, type WorkspaceMessageKey } from './workspace-messages';
import { reminderMessages } from './reminder-messages';
import { syncMessages } from './sync-messages';
import { callToolsMessages } from './call-tools-messages';
import { popMessages } from './pop-messages';
import { mediaMessages } from './media-messages';
import { qualityMessages } from './quality-messages';
import { floorMessages } from './floor-messages';
import { shellLinkMessages } from './shell-link-messages';
import { settingsMessages } from './settings-messages';
import { teamMessages } from './team-messages';
import { mainErrorMessages } from './main-error-messages';
import { reportsMessages } from './reports-messages';
import { recordingMessages } from './recording-messages';

const en = {
  'app.title': 'Agent Desktop',
  'app.demo': 'Demo',
  'app.language': 'Language',
  'connection.connected': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.disconnected': 'Disconnected',
  'connection.failed': 'Connection failed',
  'connection.registered': 'Registered as {extension}',
  'connection.notRegistered': 'Not registered',
  'connection.notConfigured': 'Phone not configured',
  'call.none': 'No call',
  'call.ringing': 'Ringing',
  'call.connecting': 'Connecting',
  'call.active': 'On call',
  'call.ended': 'Call ended',
  'call.from': 'Caller',
  'action.answer': 'Answer',
  'action.reject': 'Decline',
  'action.hangUp': 'Hang up',
  'pop.title': 'Screen pop',
  'pop.waiting': 'Waiting for a call',
  'pop.newCaller': 'New caller',
  'pop.newCallerHint': 'This number is not in the customer records yet.',
  'pop.tier.vip': 'VIP',
  'pop.tier.gold': 'Gold',
  'pop.tier.standard': 'Standard',
  'pop.preferredLanguage': 'Preferred language',
  'pop.queue': 'Queue',
  'pop.ivrPath': 'IVR path',
  'pop.number': 'Number',
  'pop.customerId': 'Customer ID',
  'pop.displayName': 'Caller ID name',
  'pop.recoveryWarning': 'Service recovery failed before: complaint {id} was {reason}. Recovery works once — take extra care.',
  'pop.reason.reopened': 'reopened',
  'pop.reason.low-rating': 'rated low',
  'pop.openWorkOrders': 'Open work orders',
  'pop.recentContacts': 'Last contacts',
  'pop.none': 'None',
  'error.title': 'Something went wrong',
  'error.UNAVAILABLE': 'The phone is not available: {message}',
  'error.generic': '{message}',
  'locale.zh-CN': '简体中文',
  'locale.zh-TW': '繁體中文',
  'locale.th': 'ไทย',
  'locale.en': 'English',
};

type Messages = Record<keyof typeof en, string>;
export type MessageKey = keyof typeof en | keyof SoftphoneMessages | WorkspaceMessageKey | keyof (typeof reminderMessages)['en'] | keyof (typeof callToolsMessages)['en'] | keyof (typeof popMessages)['en'] | keyof (typeof mediaMessages)['en'] | keyof (typeof qualityMessages)['en'] | keyof (typeof floorMessages)['en'] | keyof (typeof syncMessages)['en'] | keyof (typeof shellLinkMessages)['en'] | keyof (typeof settingsMessages)['en'] | keyof (typeof mainErrorMessages)['en'] | keyof (typeof teamMessages)['en'] | keyof (typeof reportsMessages)['en'] | keyof (typeof recordingMessages)['en'];
type AllMessages = Record<MessageKey, string>;

const zhCN: Messages = {
  'app.title': '坐席工作台',
  'app.demo': '演示',
  'app.language': '语言',
  'connection.connected': '已连接',
  'connection.connecting': '正在连接…',
  'connection.disconnected': '已断开',
  'connection.failed': '连接失败',
  'connection.registered': '已注册为 {extension}',
  'connection.notRegistered': '未注册',
  'connection.notConfigured': '话机未配置',
  'call.none': '无通话',
  'call.ringing': '来电振铃',
  'call.connecting': '正在接通',
  'call.active': '通话中',
  'call.ended': '通话已结束',
  'call.from': '来电',
  'action.answer': '接听',
  'action.reject': '拒接',
  'action.hangUp': '挂断',
  'pop.title': '来电弹屏',
  'pop.waiting': '等待来电',
  'pop.newCaller': '新来电客户',
  'pop.newCallerHint': '该号码尚未在客户资料中。',
  'pop.tier.vip': 'VIP',
  'pop.tier.gold': '金卡',
  'pop.tier.standard': '普通',
  'pop.preferredLanguage': '首选语言',
  'pop.queue': '队列',
  'pop.ivrPath': 'IVR 路径',
  'pop.number': '号码',
  'pop.customerId': '客户编号',
  'pop.displayName': '来电显示名称',
  'pop.recoveryWarning': '该客户曾经服务补救失败：投诉 {id} {reason}。补救只有一次机会，请格外用心。',
  'pop.reason.reopened': '被重新打开',
  'pop.reason.low-rating': '评分很低',
  'pop.openWorkOrders': '未结工单',
  'pop.recentContacts': '最近联络',
  'pop.none': '无',
  'error.title': '出现问题',
  'error.UNAVAILABLE': '话机不可用：{message}',
  'error.generic': '{message}',
  'locale.zh-CN': '简体中文',
  'locale.zh-TW': '繁體中文',
  'locale.th': 'ไทย',
  'locale.en': 'English',
};

const zhTW: Messages = {
  'app.title': '坐席工作台',
  'app.demo': '示範',
  'app.language': '語言',
  'connection.connected': '已連線',
  'connection.connecting': '正在連線…',
  'connection.disconnected': '已中斷',
  'connection.failed': '連線失敗',
  'connection.registered': '已註冊為 {extension}',
  'connection.notRegistered': '未註冊',
  'connection.notConfigured': '話機未設定',
  'call.none': '無通話',
  'call.ringing': '來電響鈴',
  'call.connecting': '正在接通',
  'call.active': '通話中',
  'call.ended': '通話已結束',
  'call.from': '來電',
  'action.answer': '接聽',
  'action.reject': '拒接',
  'action.hangUp': '掛斷',
  'pop.title': '來電彈屏',
  'pop.waiting': '等待來電',
  'pop.newCaller': '新來電客戶',
  'pop.newCallerHint': '此號碼尚未在客戶資料中。',
  'pop.tier.vip': 'VIP',
  'pop.tier.gold': '金卡',
  'pop.tier.standard': '一般',
  'pop.preferredLanguage': '偏好語言',
  'pop.queue': '佇列',
  'pop.ivrPath': 'IVR 路徑',
  'pop.number': '號碼',
  'pop.customerId': '客戶編號',
  'pop.displayName': '來電顯示名稱',
  'pop.recoveryWarning': '此客戶曾經服務補救失敗：客訴 {id} {reason}。補救只有一次機會，請格外用心。',
  'pop.reason.reopened': '被重新開啟',
  'pop.reason.low-rating': '評分很低',
  'pop.openWorkOrders': '未結工單',
  'pop.recentContacts': '最近聯絡',
  'pop.none': '無',
  'error.title': '發生問題',
  'error.UNAVAILABLE': '話機無法使用：{message}',
  'error.generic': '{message}',
  'locale.zh-CN': '简体中文',
  'locale.zh-TW': '繁體中文',
  'locale.th': 'ไทย',
  'locale.en': 'English',
};

const th: Messages = {
  'app.title': 'เดสก์ท็อปพนักงาน',
  'app.demo': 'สาธิต',
  'app.language': 'ภาษา',
  'connection.connected': 'เชื่อมต่อแล้ว',
  'connection.connecting': 'กำลังเชื่อมต่อ…',
  'connection.disconnected': 'ขาดการเชื่อมต่อ',
  'connection.failed': 'เชื่อมต่อไม่สำเร็จ',
  'connection.registered': 'ลงทะเบียนเป็น {extension}',
  'connection.notRegistered': 'ยังไม่ได้ลงทะเบียน',
  'connection.notConfigured': 'ยังไม่ได้ตั้งค่าโทรศัพท์',
  'call.none': 'ไม่มีสาย',
  'call.ringing': 'สายเรียกเข้า',
  'call.connecting': 'กำลังต่อสาย',
  'call.active': 'กำลังสนทนา',
  'call.ended': 'วางสายแล้ว',
  'call.from': 'ผู้โทร',
  'action.answer': 'รับสาย',
  'action.reject': 'ปฏิเสธสาย',
  'action.hangUp': 'วางสาย',
  'pop.title': 'ข้อมูลผู้โทร',
  'pop.waiting': 'รอสายเรียกเข้า',
  'pop.newCaller': 'ผู้โทรรายใหม่',
  'pop.newCallerHint': 'หมายเลขนี้ยังไม่มีในข้อมูลลูกค้า',
  'pop.tier.vip': 'VIP',
  'pop.tier.gold': 'โกลด์',
  'pop.tier.standard': 'ทั่วไป',
  'pop.preferredLanguage': 'ภาษาที่ต้องการ',
  'pop.queue': 'คิว',
  'pop.ivrPath': 'เส้นทาง IVR',
  'pop.number': 'หมายเลข',
  'pop.customerId': 'รหัสลูกค้า',
  'pop.displayName': 'ชื่อที่แสดงของผู้โทร',
  'pop.recoveryWarning': 'ลูกค้ารายนี้เคยได้รับการแก้ไขปัญหาที่ไม่สำเร็จ: เรื่องร้องเรียน {id} {reason} การแก้ไขมีโอกาสเดียว โปรดดูแลเป็นพิเศษ',
  'pop.reason.reopened': 'ถูกเปิดใหม่',
  'pop.reason.low-rating': 'ได้คะแนนต่ำ',
  'pop.openWorkOrders': 'ใบงานที่ยังเปิดอยู่',
  'pop.recentContacts': 'การติดต่อล่าสุด',
  'pop.none': 'ไม่มี',
  'error.title': 'เกิดข้อผิดพลาด',
  'error.UNAVAILABLE': 'โทรศัพท์ใช้งานไม่ได้: {message}',
  'error.generic': '{message}',
  'locale.zh-CN': '简体中文',
  'locale.zh-TW': '繁體中文',
  'locale.th': 'ไทย',
  'locale.en': 'English',
};

/** Each feature's words joined into one table per locale; the test checks every key is in all four. */
export const messages: Record<Locale, AllMessages> = {
  en: { ...en, ...softphoneMessages.en, ...workspaceMessages.en, ...reminderMessages.en, ...callToolsMessages.en, ...popMessages.en, ...mediaMessages.en, ...qualityMessages.en, ...floorMessages.en, ...syncMessages.en, ...shellLinkMessages.en, ...settingsMessages.en, ...mainErrorMessages.en, ...teamMessages.en, ...reportsMessages.en, ...recordingMessages.en },
  'zh-CN': { ...zhCN, ...softphoneMessages['zh-CN'], ...workspaceMessages['zh-CN'], ...reminderMessages['zh-CN'], ...callToolsMessages['zh-CN'], ...popMessages['zh-CN'], ...mediaMessages['zh-CN'], ...qualityMessages['zh-CN'], ...floorMessages['zh-CN'], ...syncMessages['zh-CN'], ...shellLinkMessages['zh-CN'], ...settingsMessages['zh-CN'], ...mainErrorMessages['zh-CN'], ...teamMessages['zh-CN'], ...reportsMessages['zh-CN'], ...recordingMessages['zh-CN'] },
  'zh-TW': { ...zhTW, ...softphoneMessages['zh-TW'], ...workspaceMessages['zh-TW'], ...reminderMessages['zh-TW'], ...callToolsMessages['zh-TW'], ...popMessages['zh-TW'], ...mediaMessages['zh-TW'], ...qualityMessages['zh-TW'], ...floorMessages['zh-TW'], ...syncMessages['zh-TW'], ...shellLinkMessages['zh-TW'], ...settingsMessages['zh-TW'], ...mainErrorMessages['zh-TW'], ...teamMessages['zh-TW'], ...reportsMessages['zh-TW'], ...recordingMessages['zh-TW'] },
  th: { ...th, ...softphoneMessages.th, ...workspaceMessages.th, ...reminderMessages.th, ...callToolsMessages.th, ...popMessages.th, ...mediaMessages.th, ...qualityMessages.th, ...floorMessages.th, ...syncMessages.th, ...shellLinkMessages.th, ...settingsMessages.th, ...mainErrorMessages.th, ...teamMessages.th, ...reportsMessages.th, ...recordingMessages.th },
};

/**
 * i18next holds the tables: one flat namespace per locale (keys are dotted names, not paths), {name}
 * placeholders. Values are filled as plain text: React escapes them where they are shown, so i18next must not
 * escape them a second time. Loaded synchronously; nothing is fetched.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(messages).map(([locale, table]) => [locale, { translation: table }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(messages),
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  initAsync: false,
});

/** The message for a key in a locale, with {name} placeholders filled as plain text. */
export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return i18n.getFixedT(locale)(key, values);
}
