import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../src-shared/contract';

// The one module under test talks to the main process through the api client; here that client is a fake.
const client = vi.hoisted(() => ({ request: vi.fn(), subscribe: vi.fn(() => () => {}) }));
vi.mock('../../api/client', () => client);

const { completeReminder, connectReminders } = await import('./actions');
const { useWorkspace } = await import('../softphone');
const { useReminders } = await import('./store');

const reminder = { id: 7, kind: 'follow-up' as const, customerName: 'Emily Carter', number: null, workOrderId: 'WO-10', dueAt: 0, windowEnd: null, note: '' };

describe('reminder actions', () => {
  beforeEach(() => {
    client.request.mockReset();
    useWorkspace.setState({ error: null });
    useReminders.setState({ reminders: [reminder], recorded: null });
  });

  it('a failed completion is shown in the error banner and does not reject (no unhandled rejection)', async () => {
    client.request.mockRejectedValue(new ContractError('FAILED', 'the cache is closed'));
    await expect(completeReminder(7, 4)).resolves.toBeUndefined();
    expect(useWorkspace.getState().error).toEqual({ code: 'FAILED', message: 'the cache is closed' });
    expect(useReminders.getState().reminders).toEqual([reminder]);
  });

  it('a double click sends one completion', async () => {
    let answer: (v: unknown) => void = () => {};
    client.request.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const first = completeReminder(7, 4);
    const second = completeReminder(7, 4);
    answer({ workOrderId: 'WO-10', csat: 4 });
    await Promise.all([first, second]);
    expect(client.request).toHaveBeenCalledTimes(1);
    expect(useReminders.getState()).toMatchObject({ reminders: [], recorded: { workOrderId: 'WO-10', csat: 4 } });
  });

  it('loading the due reminders failing is shown, not left as an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    client.request.mockRejectedValue(new ContractError('UNAVAILABLE', 'the main process is not answering'));
    connectReminders();
    await vi.waitFor(() => expect(useWorkspace.getState().error).toEqual({ code: 'UNAVAILABLE', message: 'the main process is not answering' }));
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
