import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaCommand } from '../../../src-shared/domain/media';
import { silentLogger } from '../../app/logger';
import { MediaBridge, RendererMediaHandler } from './renderer-media';

const OFFER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n';
const ANSWER_WITH_DTMF = 'v=0\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n';

/** A renderer stand-in that answers every command at once, recording what it was asked. */
function fakeRenderer() {
  const seen: MediaCommand[] = [];
  const bridge: MediaBridge = new MediaBridge((command) => {
    seen.push(command);
    const sdp = command.op === 'offer' || command.op === 'answer' ? `sdp-for-${command.op}${command.hold ? '-hold' : ''}` : null;
    queueMicrotask(() => bridge.settle({ id: command.id, sdp, error: null }));
  });
  return { bridge, seen };
}

describe('RendererMediaHandler: offer/answer over the contract', () => {
  afterEach(() => vi.useRealTimers());

  it('inbound call: the remote offer is set, then our description is an answer', async () => {
    const { bridge, seen } = fakeRenderer();
    const sdh = new RendererMediaHandler(bridge, silentLogger);
    await sdh.setDescription(OFFER);
    expect((await sdh.getDescription()).body).toBe('sdp-for-answer');
    expect(seen.map((c) => [c.op, 'type' in c ? c.type : null])).toEqual([['remote', 'offer'], ['answer', null]]);
  });

  it('outbound call and hold: our offer first, the far end answers; hold offers are marked', async () => {
    const { bridge, seen } = fakeRenderer();
    const sdh = new RendererMediaHandler(bridge, silentLogger);
    expect((await sdh.getDescription()).body).toBe('sdp-for-offer');
    await sdh.setDescription(ANSWER_WITH_DTMF);
    expect((await sdh.getDescription({ hold: true } as never)).body).toBe('sdp-for-offer-hold');
    await sdh.setDescription(ANSWER_WITH_DTMF);
    await sdh.getDescription({ hold: false, iceRestart: true } as never);
    expect(seen.filter((c) => c.op === 'offer').map((c) => (c.op === 'offer' ? [c.hold, c.iceRestart] : null))).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect(seen.filter((c) => c.op === 'remote').map((c) => (c.op === 'remote' ? c.type : null))).toEqual(['answer', 'answer']);
    expect(new Set(seen.map((c) => c.session)).size).toBe(1);
  });

  it('sends RFC 4733 digits only when the far end negotiated telephone-event', async () => {
    const { bridge, seen } = fakeRenderer();
    const sdh = new RendererMediaHandler(bridge, silentLogger);
    await sdh.getDescription();
    expect(sdh.sendDtmf('1')).toBe(false);
    await sdh.setDescription(ANSWER_WITH_DTMF);
    expect(sdh.sendDtmf('12#')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ op: 'dtmf', tones: '12#' });
  });

  it('a renderer that does not answer fails the step with a reason, and a late answer is ignored', async () => {
    vi.useFakeTimers();
    const sent: MediaCommand[] = [];
    const bridge = new MediaBridge((c) => sent.push(c), 2000);
    const sdh = new RendererMediaHandler(bridge, silentLogger);
    const offer = sdh.getDescription();
    const failed = expect(offer).rejects.toThrow(/did not answer the offer request in 2 s/);
    await vi.advanceTimersByTimeAsync(2001);
    await failed;
    expect(() => bridge.settle({ id: sent[0]!.id, sdp: 'late', error: null })).not.toThrow();
  });

  it('an error from the renderer fails the step with its message; each handler has its own session', async () => {
    const bridge: MediaBridge = new MediaBridge((c) => queueMicrotask(() => bridge.settle({ id: c.id, sdp: null, error: 'Failed to set remote offer: no audio' })));
    await expect(new RendererMediaHandler(bridge, silentLogger).setDescription(OFFER)).rejects.toThrow('Failed to set remote offer: no audio');
    expect(bridge.newSession()).not.toBe(bridge.newSession());
  });
});
