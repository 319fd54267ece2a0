import { z } from 'zod';
import { Locale, ValueTier } from '../../../src-shared/domain/screen-pop';
import { ImportId, ImportList, KbArticleRecord, OptionalImportText } from '../../../src-shared/sync/knowledge-contract';

const List = ImportList;
const OptionalText = OptionalImportText;
const Id = ImportId;

export const CustomerImport = z.object({
  id: Id,
  name: z.string().trim().min(1, 'name is required').max(200),
  tier: z.preprocess((v) => (v === '' || v === undefined ? 'standard' : v), ValueTier),
  language: z.preprocess((v) => (v === '' || v === undefined ? null : v), Locale.nullable()),
  phones: List,
  notes: z.preprocess((v) => v ?? '', z.string().max(4000)),
  tags: List,
});

/** A time as ISO 8601 (with its zone) or milliseconds since 1970. */
const Time = z.preprocess((v) => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d{10,13}$/.test(v)) return Number(v);
  if (typeof v === 'string') return Date.parse(v);
  return NaN;
}, z.number({ error: 'time must be ISO 8601 such as 2026-11-23T09:30:00+08:00, or epoch milliseconds' }).int().refine(Number.isFinite, 'time must be ISO 8601 such as 2026-11-23T09:30:00+08:00'));
const Count = z.preprocess((v) => (v === '' || v === undefined ? 0 : Number(v)), z.number().int().nonnegative().max(7 * 24 * 3600));

export const ContactImport = z.object({
  id: Id,
  customer_id: OptionalText(100),
  time: Time,
  direction: z.enum(['inbound', 'outbound']),
  number: z.preprocess((v) => v ?? '', z.string().max(100)),
  queue: OptionalText(200),
  ivr_path: OptionalText(500),
  duration_s: Count,
  hold_s: Count,
  disposition: OptionalText(100),
  agent: OptionalText(100),
  transfer_target: OptionalText(200),
  work_order_id: OptionalText(100),
});

/** One schema with the team server's publish: the same file imports on a desktop and publishes on the server. */
export const KbImport = KbArticleRecord;

/** What went wrong with a row, in words a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
