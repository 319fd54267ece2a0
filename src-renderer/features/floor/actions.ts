import type { MonitorMode } from '../../../src-shared/domain/floor';
import { request, subscribe } from '../../api/client';
import { useWorkspace } from '../softphone';
import { useFloor } from './store';
import { shownError } from '../../i18n/main-error-text';

/** Loads the floor (a team lead's desktop) and follows the PBX's changes. */
export function connectFloor(): () => void {
  const off = subscribe('floorChanged', (member) => useFloor.getState().changed(member));
  void request('getFloor', {})
    .then(({ settings, members }) => useFloor.getState().load(settings, members))
    .catch(() => useFloor.getState().load(null, []));
  return off;
}

/** The lead's phone places the PBX's monitoring call for this agent; it shows in the call bar like any call. */
export async function monitor(extension: string, mode: MonitorMode): Promise<void> {
  try {
    const call = await request('monitorAgent', { extension, mode });
    useWorkspace.getState().callUpdated(call);
  } catch (err) {
    useWorkspace.getState().showError(shownError(err));
  }
}

