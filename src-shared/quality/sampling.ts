/**
 * How often the window reads a call's getStats() (ms): the one interval every quality rule and count derives from.
 *
 * Why twice a second: Chromium measures the round trip only when an ICE consent check of the selected pair is
 * answered, every 2.5 s on a stable path (libwebrtc's STABLE_WRITABLE_CONNECTION_PING_INTERVAL, not randomised,
 * with no setting a page can reach). A slow line then shows at the next check plus its answer, and the warning needs
 * 3 slow samples of the last 5: at one sample a second the worst case was 2.5 + 0.6 + 1 + 2 ≈ 6.1 s, past the
 * issue's 5 s; at two it is 2.5 + 0.6 + 0.5 + 1 ≈ 4.6 s. getStats() caches its report for only 50 ms, so each read
 * is fresh. The price, for the round trip only: one check's reading stands until the next (5 samples), so a single
 * slow check raises the warning (at one sample a second it stood 2–3 samples and raised about half the time). The
 * other network rules read afresh each sample, and one spike of them shorter than 1.5 s still raises nothing.
 */
export const QUALITY_SAMPLE_MS = 500;

/** How many samples cover a stretch of time (at least one): rules the issue states in seconds stay in seconds. */
export function samplesOver(ms: number): number {
  return Math.max(1, Math.round(ms / QUALITY_SAMPLE_MS));
}
