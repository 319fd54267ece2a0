import { useEffect } from 'react';
import { KB_SEARCH_ID } from '../features/knowledge';
import { nextTemplate, REPLY_DRAFT_ID } from '../features/composer';
import { newWorkOrder, WORK_ORDER_FIRST_FIELD_ID } from '../features/work-order';
import { answer, hangUp, hold, mute, useWorkspace } from '../features/softphone';
import { installHotkeys } from './hotkeys';
import { useLayout } from './layout-store';

/** Focuses an element once React has shown the panel it is in. */
function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function useWorkspaceHotkeys(): void {
  useEffect(
    () =>
      installHotkeys({
        focusSearch: () => {
          const input = document.getElementById(KB_SEARCH_ID) as HTMLInputElement | null;
          input?.focus();
          input?.select();
        },
        nextTemplate: () => {
          useLayout.getState().show('reply');
          nextTemplate();
        },
        newWorkOrder: () => {
          newWorkOrder();
          useLayout.getState().show('work-order');
          focusSoon(WORK_ORDER_FIRST_FIELD_ID);
        },
        showReply: () => {
          useLayout.getState().show('reply');
          focusSoon(REPLY_DRAFT_ID);
        },
        showWorkOrders: () => useLayout.getState().show('work-orders'),
        answer: () => {
          const call = useWorkspace.getState().call;
          if (call?.state === 'ringing') void answer(call.callId);
        },
        hangUp: () => {
          const call = useWorkspace.getState().call;
          if (call && call.state !== 'ringing' && call.state !== 'ended') void hangUp(call.callId);
        },
        toggleHold: () => {
          const call = useWorkspace.getState().call;
          if (call?.state === 'active' && (call.hold === 'off' || call.hold === 'held')) void hold(call.callId, call.hold === 'off');
        },
        toggleMute: () => {
          const call = useWorkspace.getState().call;
          if (call?.state === 'active') void mute(call.callId, !call.muted);
        },
      }),
    [],
  );
}
