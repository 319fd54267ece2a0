import type { CoachFinding, LatteStep, ReplyLint } from '../../../src-shared/replies';

export type SendProblem =
  | { kind: 'empty' }
  | { kind: 'placeholder'; label: string }
  | { kind: 'braces' }
  | { kind: 'latte'; step: LatteStep; hint: string }
  | { kind: 'coach'; finding: CoachFinding; text: string };

/**
 * What is still missing before the reply goes out: unfilled placeholders (still showing as "[label]"), leftover
 * braces, LATTE steps not covered, and positive-language findings. An empty list means ready to send.
 */
export function sendCheck(draft: string, lint: ReplyLint, gapMarkers: readonly { label: string; marker: string }[]): SendProblem[] {
  if (draft.trim() === '') return [{ kind: 'empty' }];
  const problems: SendProblem[] = [];
  for (const gap of gapMarkers) if (draft.includes(gap.marker)) problems.push({ kind: 'placeholder', label: gap.label });
  if (/\{\{|\}\}/.test(draft)) problems.push({ kind: 'braces' });
  for (const step of lint.latte.missing) {
    const result = lint.latte.steps[step];
    problems.push({ kind: 'latte', step, hint: result.covered ? '' : result.hint });
  }
  for (const finding of lint.findings) problems.push({ kind: 'coach', finding, text: draft.slice(finding.start, finding.end) });
  return problems;
}
