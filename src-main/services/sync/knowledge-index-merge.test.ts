import { describe, expect, it } from 'vitest';
import { KnowledgeIndexMerge } from './knowledge-index-merge';

/** A merge the test finishes by hand. */
function merges() {
  const pending: (() => void)[] = [];
  return { pending, run: () => new Promise<void>((resolve) => pending.push(resolve)) };
}

describe('KnowledgeIndexMerge', () => {
  it('runs one merge at a time; pulls during a merge ask for exactly one more', async () => {
    const m = merges();
    const merge = new KnowledgeIndexMerge(m.run, () => undefined);
    merge.request();
    merge.request();
    merge.request();
    expect(m.pending).toHaveLength(1);
    m.pending.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(m.pending).toHaveLength(1);
    m.pending.shift()!();
    await merge.idle();
    expect(m.pending).toHaveLength(0);
  });

  it('a failed merge is reported and the next pull merges again', async () => {
    const errors: string[] = [];
    let calls = 0;
    const merge = new KnowledgeIndexMerge(async () => {
      calls++;
      if (calls === 1) throw new Error('worker stopped');
    }, (err) => errors.push(err.message));
    merge.request();
    await merge.idle();
    merge.request();
    await merge.idle();
    expect({ calls, errors }).toEqual({ calls: 2, errors: ['worker stopped'] });
  });
});
