import { beforeEach, describe, expect, it } from 'vitest';
import { insertIntoReply, useComposer } from './store';

describe('insertIntoReply', () => {
  beforeEach(() => useComposer.getState().setDraft(''));

  it('fills an empty reply', () => {
    insertIntoReply('Refunds take 5 days.');
    expect(useComposer.getState().draft).toBe('Refunds take 5 days.');
  });

  it('puts the text on its own line at the caret', () => {
    useComposer.getState().setDraft('Hello.\nThanks!', 6);
    insertIntoReply('Refunds take 5 days.');
    expect(useComposer.getState().draft).toBe('Hello.\nRefunds take 5 days.\nThanks!');
    expect(useComposer.getState().caret).toBe('Hello.\nRefunds take 5 days.'.length);
  });
});
