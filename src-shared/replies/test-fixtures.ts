import type { Locale } from '../domain/screen-pop';
import type { PlaceholderData } from './placeholders';

export const locales: readonly Locale[] = ['zh-CN', 'zh-TW', 'th', 'en'];

/** Values for every known placeholder, as the workspace would fill them on a real call. */
export const sampleCallData: Record<Locale, PlaceholderData> = {
  'zh-CN': {
    customer: { name: '王小明' },
    agent: { name: '李娜' },
    order: { id: 'CN20240518-0042', item: '电动牙刷' },
    delivery: { date: '5月24日' },
    charge: { amount: '¥199.00' },
    refund: { amount: '¥199.00', date: '5月20日' },
    company: { name: '优选商城' },
    hold: { minutes: 3 },
    callback: { time: '今天下午3点', number: '138 1234 5678' },
    followUp: { date: '5月27日' },
    workOrder: { id: 'WO-1088' },
  },
  'zh-TW': {
    customer: { name: '陳美玲' },
    agent: { name: '林志明' },
    order: { id: 'TW20240518-0042', item: '電動牙刷' },
    delivery: { date: '5月24日' },
    charge: { amount: 'NT$990' },
    refund: { amount: 'NT$990', date: '5月20日' },
    company: { name: '優選購物' },
    hold: { minutes: 3 },
    callback: { time: '今天下午3點', number: '0912 345 678' },
    followUp: { date: '5月27日' },
    workOrder: { id: 'WO-1088' },
  },
  th: {
    customer: { name: 'สมศรี' },
    agent: { name: 'พิมพ์ชนก' },
    order: { id: 'TH20240518-0042', item: 'แปรงสีฟันไฟฟ้า' },
    delivery: { date: '24 พฤษภาคม' },
    charge: { amount: '990 บาท' },
    refund: { amount: '990 บาท', date: '20 พฤษภาคม' },
    company: { name: 'ช้อปดี' },
    hold: { minutes: 3 },
    callback: { time: '15.00 น.', number: '081 234 5678' },
    followUp: { date: '27 พฤษภาคม' },
    workOrder: { id: 'WO-1088' },
  },
  en: {
    customer: { name: 'Sarah' },
    agent: { name: 'Tom' },
    order: { id: 'EN-0042', item: 'electric toothbrush' },
    delivery: { date: 'Friday 24 May' },
    charge: { amount: '$39.90' },
    refund: { amount: '$39.90', date: '20 May' },
    company: { name: 'ShopWell' },
    hold: { minutes: 3 },
    callback: { time: '3 pm today', number: '+1 555 0100' },
    followUp: { date: 'Monday 27 May' },
    workOrder: { id: 'WO-1088' },
  },
};
