import { useEffect } from 'react';
import { KB_SEARCH_ID } from '../features/knowledge';
import { nextTemplate, REPLY_DRAFT_ID } from '../features/composer';
import { answer, hangUp, hold, mute, pauseRecording, useWorkspace } from '../features/softphone';
import { installHotkeys } from './hotkeys';
import { openNewWorkOrder } from './open-work-order';
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
        newWorkOrder: openNewWorkOrder,
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
        toggleRecording: () => {
          const call = useWorkspace.getState().call;
          if (call?.state === 'active' && (call.recording === 'on' || call.recording === 'paused')) void pauseRecording(call.callId, call.recording === 'on');
        },
      }),
    [],
  );
}
