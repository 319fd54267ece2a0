/**
 * The player's pure arithmetic: peaks for drawing a channel as a waveform, where a span sits on the timeline, and
 * how a position reads. Kept apart from the DOM so it is tested in Node.
 */

/** The loudest sample (absolute, 0–1) in each of `buckets` equal slices of a channel: one bar per slice. */
export function peaks(samples: Float32Array, buckets: number): number[] {
  const out = new Array<number>(buckets).fill(0);
  if (samples.length === 0 || buckets <= 0) return out;
  const per = samples.length / buckets;
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    for (let i = Math.floor(b * per), end = Math.min(samples.length, Math.floor((b + 1) * per)); i < end; i++) {
      const v = Math.abs(samples[i]!);
      if (v > max) max = v;
    }
    out[b] = Math.min(1, max);
  }
  return out;
}

/** A span (seconds into the file) as percentages of the timeline's width, clamped to the recording. */
export function spanPlace(span: { from: number; to: number }, seconds: number): { left: number; width: number } {
  if (seconds <= 0) return { left: 0, width: 0 };
  const from = Math.min(Math.max(span.from, 0), seconds);
  const to = Math.min(Math.max(span.to, from), seconds);
  return { left: (from / seconds) * 100, width: ((to - from) / seconds) * 100 };
}

/** m:ss (h:mm:ss past an hour), for the player's clock. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, ss] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(ss)}` : `${m}:${two(ss)}`;
}

/** The speeds a lead can choose (1–2×). */
export const SPEEDS = [1, 1.25, 1.5, 1.75, 2] as const;
