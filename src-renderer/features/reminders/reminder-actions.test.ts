import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../src-shared/contract';
import { reminderActions, type Request } from './reminder-actions';
import { useReminders } from './store';

const reminder = { id: 7, kind: 'follow-up' as const, customerName: 'Emily Carter', number: null, workOrderId: 'WO-10', dueAt: 0, windowEnd: null, note: '' };

describe('reminder actions', () => {
  // The main process is a fake here: this tests the one module that talks to it.
  const request = vi.fn();
  const report = vi.fn();
  const actions = reminderActions(request as unknown as Request, report);
  beforeEach(() => {
    request.mockReset();
    report.mockReset();
    useReminders.setState({ reminders: [reminder], recorded: null });
  });

  it('a failed completion goes to the error banner and does not reject; the reminder stays on screen', async () => {
    const failure = new ContractError('FAILED', 'the cache is closed');
    request.mockRejectedValue(failure);
    await expect(actions.complete(7, 4)).resolves.toBeUndefined();
    expect(report).toHaveBeenCalledWith(failure);
    expect(useReminders.getState().reminders).toEqual([reminder]);
  });

  it('a double click sends one completion', async () => {
    let answer: (v: unknown) => void = () => {};
    request.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const first = actions.complete(7, 4);
    const second = actions.complete(7, 4);
    answer({ workOrderId: 'WO-10', csat: 4 });
    await Promise.all([first, second]);
    expect(request).toHaveBeenCalledTimes(1);
    expect(useReminders.getState()).toMatchObject({ reminders: [], recorded: { workOrderId: 'WO-10', csat: 4 } });
  });

  it('loading the due reminders failing goes to the error banner and does not reject', async () => {
    const failure = new ContractError('UNAVAILABLE', 'the main process is not answering');
    request.mockRejectedValue(failure);
    await expect(actions.load()).resolves.toBeUndefined();
    expect(report).toHaveBeenCalledWith(failure);
  });
});
