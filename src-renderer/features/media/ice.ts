/** How long an offer or answer waits for ICE candidates before going out with what it has. */
export const ICE_GATHERING_CAP_MS = 1500;

/** The gathering side of an RTCPeerConnection (structural, so this stays testable without a browser). */
interface Gathering {
  readonly iceGatheringState: string;
  readonly localDescription: { sdp: string } | null;
  addEventListener(type: 'icegatheringstatechange', listener: () => void): void;
  removeEventListener(type: 'icegatheringstatechange', listener: () => void): void;
}

/**
 * The local description once ICE gathering completes, or after capMs with the candidates found so far: a host
 * or relay candidate arrives in milliseconds, while a dead STUN server can hold "complete" back for seconds.
 */
export function gatheredDescription(pc: Gathering, capMs = ICE_GATHERING_CAP_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      const sdp = pc.localDescription?.sdp;
      if (sdp) resolve(sdp);
      else reject(new Error('no local description to send'));
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, capMs);
    pc.addEventListener('icegatheringstatechange', check);
    check();
  });
}
