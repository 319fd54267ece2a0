import { ReplyTemplate } from './template';

export interface TemplateImport {
  templates: ReplyTemplate[];
  /** line: 1-based line number in the file; reason: what is wrong, for the person who wrote the file. */
  rejected: { line: number; reason: string }[];
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * Reads templates from the text of a JSON Lines file (one template object per line). A bad line is reported and
 * skipped; it never stops the import and never costs a good line. A byte-order mark, CRLF line ends and blank
 * lines are accepted. The same id and locale twice: the first is kept, the later line rejected.
 */
export function parseTemplatesJsonl(text: string): TemplateImport {
  const result: TemplateImport = { templates: [], rejected: [] };
  const firstLineOf = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      result.rejected.push({ line, reason: `not valid JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = ReplyTemplate.safeParse(value);
    if (!parsed.success) {
      result.rejected.push({ line, reason: describeIssues(parsed.error) });
      return;
    }
    const key = `${parsed.data.id}\u0000${parsed.data.locale}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      result.rejected.push({ line, reason: `template "${parsed.data.id}" (${parsed.data.locale}) is already on line ${first}` });
      return;
    }
    firstLineOf.set(key, line);
    result.templates.push(parsed.data);
  });
  return result;
}
