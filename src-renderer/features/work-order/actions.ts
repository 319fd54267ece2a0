import { ContractError } from '../../../src-shared/contract';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../../src-shared/replies';
import { fieldErrors, submissionFrom, WorkOrderSubmission, type WorkOrderDraft } from '../../../src-shared/workorders/work-order-form';
import { request } from '../../api/client';
import { debounce } from '../../lib/debounce';
import { useWorkspace } from '../softphone';
import { fromLocalInput, toLocalDate } from './local-time';
import { emptyDraft, useWorkOrder, type Status } from './store';
import { shownError } from '../../i18n/main-error-text';

/** Well under the one second the agent may lose when the app is killed. */
export const DRAFT_SAVE_DEBOUNCE_MS = 400;
const DAY_MS = 24 * 3600 * 1000;

const saveNow = debounce(async (draft: WorkOrderDraft) => {
  try {
    const { savedAt } = await request('saveWorkOrderDraft', { draft });
    // Only "saved" when nothing newer was typed meanwhile.
    if (useWorkOrder.getState().draft === draft) useWorkOrder.getState().set({ saveState: 'saved', savedAt });
  } catch {
    useWorkOrder.getState().set({ saveState: 'failed' });
  }
}, DRAFT_SAVE_DEBOUNCE_MS);

/** The submission path an error is reported on, for a draft field. */
function errorFieldOf(key: string): string {
  if (key === 'callbackNumber') return 'callback.number';
  if (key === 'callbackFrom' || key === 'callbackTo' || key === 'callbackWanted') return 'callback';
  if (key === 'followUpDate') return 'followUpAt';
  return key;
}

/** Every change to the form: kept in the store at once, saved to SQLite once the agent pauses. */
export function editDraft(change: Partial<WorkOrderDraft>): void {
  const draft = { ...useWorkOrder.getState().draft, ...change };
  const touched = Object.keys(change).map(errorFieldOf);
  // A field the agent just changed loses its old error; the rest stay until the next submit.
  const kept = Object.fromEntries(Object.entries(useWorkOrder.getState().errors).filter(([field]) => !touched.some((t) => field.startsWith(t))));
  useWorkOrder.getState().set({ draft, errors: kept, saveState: 'pending', filed: null });
  saveNow(draft);
}

/** A fresh form for the call on screen: the customer, the call and the callback number prefilled. */
export function newWorkOrder(): void {
  const { call, screenPop } = useWorkspace.getState();
  const known = screenPop?.kind === 'known' ? screenPop : null;
  const draft: WorkOrderDraft = {
    ...emptyDraft(),
    customerId: known?.customer.id ?? null,
    customerName: known?.customer.name ?? '',
    callId: call?.callId ?? null,
    callbackNumber: screenPop?.number ?? call?.remoteNumber ?? '',
    severity: known?.serviceRecovery ? 'difficult' : 'ordinary',
    followUpDate: toLocalDate(Date.now() + DEFAULT_FOLLOW_UP_DAYS * DAY_MS),
  };
  useWorkOrder.getState().set({ draft, errors: {}, saveState: 'pending', filed: null });
  saveNow(draft);
}

/** At start: the draft the agent was typing when the app closed (or was killed), and the SLA settings. */
export async function restoreWorkOrderDraft(): Promise<boolean> {
  try {
    const [{ draft, savedAt }, settings] = await Promise.all([request('getWorkOrderDraft', {}), request('getWorkOrderSettings', {})]);
    useWorkOrder.getState().set({ slaHours: settings.slaHours });
    if (!draft) return false;
    useWorkOrder.getState().set({ draft, savedAt, saveState: 'restored' });
    return true;
  } catch {
    return false;
  }
}

/** Checks the form with the shared schema (messages in the agent's language), then files it. */
export async function submitWorkOrder(): Promise<boolean> {
  saveNow.flush();
  const { draft } = useWorkOrder.getState();
  const parsed = WorkOrderSubmission.safeParse(submissionFrom(draft, fromLocalInput));
  if (!parsed.success) {
    useWorkOrder.getState().set({ errors: fieldErrors(parsed) });
    return false;
  }
  try {
    const filed = await request('submitWorkOrder', parsed.data);
    saveNow.cancel();
    useWorkOrder.getState().set({ filed, draft: emptyDraft(), errors: {}, saveState: 'idle', savedAt: null });
    void loadWorkOrders();
    return true;
  } catch (err) {
    const issues = err instanceof ContractError ? (err.issues ?? []) : [];
    const errors = Object.fromEntries(issues.map((i) => [i.path, i.message.startsWith('wo.error.') ? i.message : 'wo.error.server']));
    useWorkOrder.getState().set({ errors: Object.keys(errors).length ? errors : { '(form)': 'wo.error.server' } });
    return false;
  }
}

export async function loadWorkOrders(filter: Status[] = useWorkOrder.getState().filter, scope = useWorkOrder.getState().scope): Promise<void> {
  useWorkOrder.getState().set({ filter, scope });
  try {
    const { workOrders } = await request('listWorkOrders', { statuses: filter, scope });
    useWorkOrder.getState().set({ list: workOrders });
  } catch {
    useWorkOrder.getState().set({ list: [] });
  }
}

/** Moves a work order along from the list; the list reloads with the new status (or says why not). */
export async function moveWorkOrder(id: string, status: Status): Promise<void> {
  try {
    await request('setWorkOrderStatus', { id, status });
    useWorkOrder.getState().set({ moveError: null });
  } catch (err) {
    useWorkOrder.getState().set({ moveError: { id, error: shownError(err) } });
  }
  await loadWorkOrders();
}

/** A specialist takes a work order from her queue; the list reloads with her name on it. */
export async function claimWorkOrder(id: string): Promise<void> {
  try {
    await request('claimWorkOrder', { id });
    useWorkOrder.getState().set({ moveError: null });
  } catch (err) {
    useWorkOrder.getState().set({ moveError: { id, error: shownError(err) } });
  }
  await loadWorkOrders();
}

/** A team lead gives a work order to a member of her team or back to a queue; the list reloads. */
export async function assignWorkOrder(id: string, to: { assignee: string } | { queue: string }): Promise<void> {
  try {
    await request('assignWorkOrder', { id, ...to });
    useWorkOrder.getState().set({ moveError: null });
  } catch (err) {
    useWorkOrder.getState().set({ moveError: { id, error: shownError(err) } });
  }
  await loadWorkOrders();
}

/** Before the window goes away: the last keystrokes are written now, not after the pause. */
export function flushDraft(): void {
  saveNow.flush();
}
