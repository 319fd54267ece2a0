import { z } from 'zod';
import { Locale } from '../domain/screen-pop';
import { LatteStep } from './latte-step';

/**
 * The scenarios the shipped templates cover. A team lead's imported template may name another scenario (any
 * slug): the list is what the workspace offers first, not a closed set.
 */
export const knownScenarios = [
  'missing-order',
  'product-unhappy',
  'damaged-package',
  'late-delivery',
  'billing-error',
  'refund-status',
  'long-hold',
  'callback',
  'closing',
] as const;
export type KnownScenario = (typeof knownScenarios)[number];

const Slug = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'lower-case letters, digits, "-" and "." only');

/** {{ customer.name }}: a dotted path of identifiers; spaces inside the braces are allowed. */
export const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}/g;

/** The placeholder names a text uses, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(placeholderPattern)) names.add(m[1]!);
  return [...names];
}

/** Braces left over once every well-formed placeholder is taken out: a typo such as "{{order.id}" or "{{ }}". */
export function strayBraces(text: string): boolean {
  return /\{\{|\}\}/.test(text.replace(placeholderPattern, ''));
}

/** Text of a reply: may hold placeholders, never a malformed one. */
export const TemplateText = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .refine((text) => !strayBraces(text), 'has a malformed placeholder: write {{name.field}}');

export const ReplyTemplate = z
  .object({
    /** Shared by the four language versions of one reply; (id, locale) is unique. */
    id: Slug,
    scenario: Slug,
    locale: Locale,
    title: z.string().trim().min(1).max(120),
    /** What the agent types to pull it up, e.g. "/damaged". */
    shortcut: z.string().regex(/^\/?[\p{L}\p{N}._-]{1,32}$/u, 'one word, optionally starting with "/"'),
    body: TemplateText,
    /** The body split by LATTE step, so the workspace can show which sentence does which job. */
    latte: z.partialRecord(LatteStep, TemplateText).optional(),
    tags: z.array(z.string().trim().min(1)).default([]),
  })
  .strict()
  .superRefine((template, ctx) => {
    for (const [step, part] of Object.entries(template.latte ?? {})) {
      if (part !== undefined && !template.body.includes(part)) {
        ctx.addIssue({ code: 'custom', path: ['latte', step], message: 'must be a passage of the body, word for word' });
      }
    }
  });
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;
