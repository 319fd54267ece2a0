import { create } from 'zustand';

export type DeviceRole = 'mic' | 'speaker' | 'ringer';
export type Devices = Record<DeviceRole, string>;
/** What the agent hears on the call now: nothing yet, the far end's audio arriving, or silence where it should not be. */
export type AudioHealth = 'idle' | 'connecting' | 'receiving' | 'silent';
export type MediaNotice =
  | { key: 'media.sinkFallback'; device: string }
  | { key: 'media.micFallback'; device: string }
  | { key: 'media.micUnavailable'; device: string }
  | { key: 'media.ringBlocked'; device: string };

const STORAGE_KEY = 'agent-desktop.devices';
const DEFAULTS: Devices = { mic: '', speaker: '', ringer: '' };

function remembered(): Devices {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Devices>;
    const pick = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : '');
    return { mic: pick(saved.mic), speaker: pick(saved.speaker), ringer: pick(saved.ringer) };
  } catch {
    return DEFAULTS;
  }
}

interface MediaState {
  /** Chosen device ids ('' = the system default), remembered on this computer. */
  devices: Devices;
  audio: AudioHealth;
  /** DTMF digits the browser has played into the call so far (RTCDTMFSender tonechange). */
  sentTones: string;
  notice: MediaNotice | null;
  choose(role: DeviceRole, deviceId: string): void;
  set(partial: Partial<Pick<MediaState, 'audio' | 'notice' | 'sentTones'>>): void;
}

export const useMedia = create<MediaState>((set) => ({
  devices: remembered(),
  audio: 'idle',
  sentTones: '',
  notice: null,
  choose: (role, deviceId) =>
    set((s) => {
      const devices = { ...s.devices, [role]: deviceId };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(devices));
      return { devices, notice: null };
    }),
  set: (partial) => set(partial),
}));

/**
 * Plays an audio element on a chosen output device. When the device is gone or refuses (setSinkId rejects),
 * the sound goes to the default device and the agent is told, instead of a silent call.
 */
export async function playOn(audio: HTMLAudioElement, deviceId: string): Promise<void> {
  if (deviceId !== '' && typeof audio.setSinkId === 'function') {
    try {
      await audio.setSinkId(deviceId);
    } catch {
      await audio.setSinkId('').catch(() => undefined);
      useMedia.getState().set({ notice: { key: 'media.sinkFallback', device: deviceId } });
    }
  }
  await audio.play();
}
