/**
 * Deterministic synthetic data for samples and benchmarks: the same seed always gives the same customers,
 * calls and articles, so figures from two runs are comparable.
 */
import type { Locale } from '../../../src-shared/domain/screen-pop';

export type Random = () => number;

/** mulberry32: small, fast, and good enough to spread sample data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const digits = (r: Random, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

const NAMES = {
  'zh-CN': {
    family: ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'],
    given: ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '晓明', '建华', '海燕', '子涵'],
    join: (f: string, g: string) => f + g,
  },
  'zh-TW': {
    family: ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周'],
    given: ['美玲', '志明', '淑芬', '雅婷', '家豪', '怡君', '俊傑', '佳穎', '冠宇', '宗翰', '詩涵', '承恩', '品妍', '柏翰', '欣怡'],
    join: (f: string, g: string) => f + g,
  },
  th: {
    family: ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', 'แสงทอง', 'บุญมา', 'ทองดี', 'รัตนพงศ์', 'สุขสวัสดิ์', 'พงษ์พันธ์', 'มีสุข'],
    given: ['สมชาย', 'สมหญิง', 'ประเสริฐ', 'วิไล', 'สุดา', 'ธนา', 'กิตติ', 'ปิยะ', 'อรุณ', 'มาลี', 'นภา', 'ชัยวัฒน์', 'พรทิพย์'],
    join: (f: string, g: string) => `${g} ${f}`,
  },
  en: {
    family: ['Carter', 'Nguyen', 'Smith', 'Brown', 'Wilson', 'Taylor', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright'],
    given: ['Emily', 'James', 'Olivia', 'Noah', 'Ava', 'Liam', 'Mia', 'Lucas', 'Grace', 'Ethan', 'Chloe', 'Daniel'],
    join: (f: string, g: string) => `${g} ${f}`,
  },
} as const;

/** A plausible mobile number of the customer's market, written as a customer would. */
function mobile(r: Random, locale: Locale): string {
  switch (locale) {
    case 'zh-CN':
      return `+86 1${pick(r, ['38', '39', '58', '59', '86', '88'])}${digits(r, 8)}`;
    case 'zh-TW':
      return `+886 9${pick(r, ['12', '21', '33', '55', '63', '88'])}${digits(r, 6)}`;
    case 'th':
      return `+66 ${pick(r, ['8', '9', '6'])}${pick(r, ['1', '2', '5', '9'])}${digits(r, 7)}`;
    case 'en':
      return `+1 415 555 ${digits(r, 4)}`;
  }
}

export interface SyntheticCustomer {
  id: string;
  name: string;
  tier: 'standard' | 'gold' | 'vip';
  language: Locale;
  phones: string[];
  notes: string;
  tags: string[];
}

/** Markets weighted like the product's users: mostly mainland China, then Thailand and Taiwan. */
const MARKETS: Locale[] = ['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'th', 'th', 'th', 'en'];

export const customerId = (n: number) => `CUST-${String(n).padStart(7, '0')}`;

export function* syntheticCustomers(count: number, seed = 1): Generator<SyntheticCustomer> {
  const r = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const language = pick(r, MARKETS);
    const names = NAMES[language];
    const name = names.join(pick(r, names.family), pick(r, names.given));
    const tierRoll = r();
    const phones = [mobile(r, language)];
    if (r() < 0.2) phones.push(mobile(r, language));
    yield {
      id: customerId(i + 1),
      name,
      tier: tierRoll < 0.05 ? 'vip' : tierRoll < 0.2 ? 'gold' : 'standard',
      language,
      phones,
      notes: '',
      tags: r() < 0.3 ? [pick(r, ['prepaid', 'postpaid', 'business', 'student', 'senior'])] : [],
    };
  }
}

export interface SyntheticContact {
  id: string;
  customer_id: string;
  time: number;
  direction: 'inbound' | 'outbound';
  number: string;
  queue: string;
  ivr_path: string;
  duration_s: number;
  hold_s: number;
  disposition: string;
  agent: string;
}

const QUEUES = ['billing', 'delivery', 'refunds', 'devices', 'plans', 'complaints', 'general'];
const DISPOSITIONS = ['resolved', 'resolved', 'resolved', 'follow-up', 'transferred', 'callback-promised', 'escalated'];

/** Calls spread over the year before `until`, each by one of the first `customers` customers. */
export function* syntheticContacts(count: number, customers: number, seed = 2, until = Date.UTC(2026, 10, 1)): Generator<SyntheticContact> {
  const r = seededRandom(seed);
  const year = 365 * 24 * 3600 * 1000;
  for (let i = 0; i < count; i++) {
    const queue = pick(r, QUEUES);
    const duration = 30 + Math.floor(r() * 900);
    yield {
      id: `CALL-${String(i + 1).padStart(8, '0')}`,
      customer_id: customerId(1 + Math.floor(r() * customers)),
      time: until - Math.floor(r() * year),
      direction: r() < 0.85 ? 'inbound' : 'outbound',
      number: '',
      queue,
      ivr_path: `main>${queue}`,
      duration_s: duration,
      hold_s: r() < 0.4 ? Math.floor(r() * Math.min(duration, 300)) : 0,
      disposition: pick(r, DISPOSITIONS),
      agent: String(1001 + Math.floor(r() * 60)),
    };
  }
}
