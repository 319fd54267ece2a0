import { describe, expect, it } from 'vitest';
import { canMove, isReopen } from './status-moves';

describe('work-order status moves', () => {
  it('goes forward through the work and back only by reopening', () => {
    expect(canMove('open', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'resolved')).toBe(true);
    expect(canMove('resolved', 'closed')).toBe(true);
    expect(canMove('in_progress', 'open')).toBe(false);
    expect(canMove('closed', 'resolved')).toBe(false);
    expect(canMove('open', 'open')).toBe(false);
  });

  it('calls going back to open from resolved or closed a reopen', () => {
    expect(isReopen('resolved', 'open')).toBe(true);
    expect(isReopen('closed', 'open')).toBe(true);
    expect(isReopen('open', 'in_progress')).toBe(false);
  });
});
