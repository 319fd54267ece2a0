import { z } from 'zod';
import { CodeLabels, Disposition, ReasonCode } from '../domain/agent-state';
import { Locale } from '../domain/screen-pop';
import { CoachRule } from '../replies/coach-rule';
import { ruleExampleFailure } from '../replies/rule-examples';
import { ReplyTemplate } from '../replies/template';

/**
 * Shared knowledge on the team server: what a team lead or admin publishes (KB articles, reply templates, coach
 * rules, dispositions, Not Ready reasons), the delta pull that brings it to every desktop, and the "article
 * helped" mark that flows back. The record schemas are the importers' own: a file that imports on a desktop
 * publishes on the server, checked by the same rules on both sides.
 */

/** CSV cells are strings: a list is written "a;b;c"; JSON Lines may use a real array. */
export const ImportList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(';').map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(z.string().max(200)).max(50),
);
export const OptionalImportText = (max: number) => z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().max(max).nullable());
export const ImportId = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1, 'id is required').max(100));

/** A knowledge-base article as a file (or a publish request) gives it. */
export const KbArticleRecord = z.object({
  id: ImportId,
  locale: Locale,
  title: z.string().trim().min(1, 'title is required').max(500),
  body: z.string().min(1, 'body is required').max(200_000),
  tags: ImportList.optional().default([]),
  category: OptionalImportText(100).optional().default(null),
});
export type KbArticleRecord = z.infer<typeof KbArticleRecord>;

/** A disposition or Not Ready reason: its code, and optionally the team's words for it per language. */
export const DispositionRecord = z.object({ code: Disposition, labels: CodeLabels.optional() }).strict();
export type DispositionRecord = z.infer<typeof DispositionRecord>;
export const NotReadyReasonRecord = z.object({ code: ReasonCode, labels: CodeLabels.optional() }).strict();
export type NotReadyReasonRecord = z.infer<typeof NotReadyReasonRecord>;

export const KnowledgeKind = z.enum(['article', 'template', 'coachRule', 'disposition', 'notReadyReason']);
export type KnowledgeKind = z.infer<typeof KnowledgeKind>;

/** The schema each kind's records are checked against, on the desktop (import, pull) and on the server (publish). */
export const knowledgeSchemas = {
  article: KbArticleRecord,
  template: ReplyTemplate,
  coachRule: CoachRule,
  disposition: DispositionRecord,
  notReadyReason: NotReadyReasonRecord,
} satisfies Record<KnowledgeKind, z.ZodType>;

/** Where a published record lives: its id and, for the kinds written per language, its locale ('' otherwise). */
export interface KnowledgeKey {
  id: string;
  locale: Locale | '';
}

/** A record that passed its kind's schema, with its key; or why it did not. */
export type CheckedRecord = { ok: true; key: KnowledgeKey; record: Record<string, unknown> } | { ok: false; reason: string };

const NUL = '\u0000';

/** Checks one record of a kind: the reason names each field at fault, in words a person can act on. */
export function checkKnowledgeRecord(kind: KnowledgeKind, value: unknown): CheckedRecord {
  const parsed = knowledgeSchemas[kind].safeParse(value);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') };
  }
  const record = parsed.data as Record<string, unknown>;
  // PostgreSQL text cannot hold a NUL: refused here, with the record's reason, rather than by the database.
  if (JSON.stringify(record).includes('\\u0000') || JSON.stringify(record).includes(NUL)) return { ok: false, reason: 'text cannot contain a NUL character' };
  switch (kind) {
    case 'article':
    case 'template':
      return { ok: true, key: { id: String(record.id), locale: record.locale as Locale }, record };
    case 'coachRule': {
      // A rule's id is "<locale>.<name>"; it is written for that language.
      const locale = Locale.safeParse(String(record.id).split('.')[0]);
      if (!locale.success) return { ok: false, reason: `id: must start with one of ${Locale.options.join(', ')} and a dot` };
      const failure = ruleExampleFailure(record as CoachRule);
      if (failure) return { ok: false, reason: failure };
      return { ok: true, key: { id: String(record.id), locale: locale.data }, record };
    }
    case 'disposition':
    case 'notReadyReason':
      return { ok: true, key: { id: String(record.code), locale: '' }, record };
  }
}

/** Records per publish request, and the request's size the server accepts (an article may be 200,000 characters). */
export const MAX_PUBLISH = 500;
export const PUBLISH_BODY_LIMIT = 4 * 1024 * 1024;

/** Records are checked one by one on the server (a bad one is named by its index and never costs a good one). */
export const PublishRequest = z
  .object({
    kind: KnowledgeKind,
    records: z.array(z.unknown()).max(MAX_PUBLISH).default([]),
    /** Taken off every desktop: the id (and locale, for the kinds written per language) of what was published. */
    retire: z.array(z.object({ id: z.string().min(1).max(100), locale: Locale.or(z.literal('')).default('') })).max(MAX_PUBLISH).default([]),
  })
  .refine((r) => r.records.length + r.retire.length > 0, 'a publish request needs at least one record or retirement');
/** What a client sends (retire's locale may be left out) ... */
export type PublishRequest = z.input<typeof PublishRequest>;
/** ... and what the server reads once it is checked. */
export type PublishBody = z.output<typeof PublishRequest>;

export const PublishRejection = z.object({
  /** Position in records (or in retire, when retire is true). */
  index: z.number().int(),
  retire: z.boolean().optional(),
  reason: z.string(),
});
export type PublishRejection = z.infer<typeof PublishRejection>;

export const PublishResponse = z.object({
  /** New or changed, now on their way to every desktop. */
  published: z.number().int(),
  /** Already published exactly so: nothing sent again. */
  unchanged: z.number().int(),
  retired: z.number().int(),
  rejected: z.array(PublishRejection),
  cursor: z.number().int(),
});
export type PublishResponse = z.infer<typeof PublishResponse>;

export const KnowledgePullQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** One published record as it is now: retired (data null: take it off the desktop) or its current data. */
export const KnowledgeChange = z.object({
  seq: z.number().int(),
  kind: KnowledgeKind,
  id: z.string(),
  locale: Locale.or(z.literal('')),
  retired: z.boolean(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type KnowledgeChange = z.infer<typeof KnowledgeChange>;

export const KnowledgePullResponse = z.object({
  changes: z.array(KnowledgeChange),
  /** Pull again after this sequence (server-assigned, in commit order). */
  cursor: z.number().int(),
  more: z.boolean(),
});
export type KnowledgePullResponse = z.infer<typeof KnowledgePullResponse>;

/** Sent to every live desktop when something was published: pull knowledge after your cursor. */
export const KnowledgeLiveMessage = z.object({ type: z.literal('knowledge'), seq: z.number().int() });

/** Per article, how often agents marked it helped or not: a lead sees her team's marks, an admin everyone's. */
export const HelpedReport = z.object({
  articles: z.array(z.object({ articleId: z.string(), helped: z.number().int(), notHelped: z.number().int() })),
});
export type HelpedReport = z.infer<typeof HelpedReport>;

/** An agent's "this article helped" (or not) mark, for reporting which articles answer real calls. */
export const KbHelpedMutation = z.object({
  kind: z.literal('kb.helped'),
  /** Made by the desktop: the mark is stored once under it, however often it is pushed. */
  id: z.uuid(),
  articleId: z.string().min(1).max(100).refine((t) => !t.includes(NUL), 'text cannot contain a NUL character'),
  /** The call it helped on (its contact's uuid), when it was marked during or after one. */
  contactId: z.uuid().nullable(),
  helped: z.boolean(),
  at: z.number().int().nonnegative(),
});
export type KbHelpedMutation = z.infer<typeof KbHelpedMutation>;
