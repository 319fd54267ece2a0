/**
 * Call quality as a listener would score it: the ITU-T G.107 E-model in the simplified form WebRTC monitoring
 * tools use (delay and loss only; codec, echo and noise impairments folded into the constant 93.2).
 *
 *   effective latency  L = RTT + 2 × jitter + 10 ms        (jitter counts double: the jitter buffer adds it;
 *                                                          10 ms for the codec's packetisation)
 *   R = 93.2 − L / 40                  when L < 160 ms
 *   R = 93.2 − (L − 120) / 10          when L ≥ 160 ms    (delay hurts ten times faster past ~160 ms)
 *   R = R − 2.5 × loss%                                    (each percent of packets lost costs 2.5 points)
 *   MOS = 1                                               when R ≤ 0
 *   MOS = 1 + 0.035 R + 7·10⁻⁶ · R (R − 60)(100 − R)      when 0 < R < 100   (G.107 Annex B, eq. B-4)
 *   MOS = 4.5                                             when R ≥ 100
 *
 * Source: ITU-T Rec. G.107 (06/2015) "The E-model: a computational model for use in transmission planning",
 * Annex B (R to MOS); the delay and loss simplification as published by Nessoft/PingPlotter ("Calculating MOS
 * from latency, jitter and loss") and used by WebRTC call-quality monitors. The issue (#14) asks for RTT in L.
 */
export interface NetworkSample {
  rttMs: number;
  jitterMs: number;
  /** 0–100. */
  lossPct: number;
}

export interface QualityScore {
  /** Transmission rating, 0–93.2. */
  r: number;
  /** Mean opinion score, 1–4.5. */
  mos: number;
}

export function effectiveLatencyMs({ rttMs, jitterMs }: Pick<NetworkSample, 'rttMs' | 'jitterMs'>): number {
  return rttMs + 2 * jitterMs + 10;
}

export function rFactor(sample: NetworkSample): number {
  const latency = effectiveLatencyMs(sample);
  const delayed = latency < 160 ? 93.2 - latency / 40 : 93.2 - (latency - 120) / 10;
  return Math.max(0, delayed - 2.5 * sample.lossPct);
}

export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

/** R and MOS rounded to two decimals, as shown and stored. */
export function scoreCall(sample: NetworkSample): QualityScore {
  const r = rFactor(sample);
  return { r: round2(r), mos: round2(mosFromR(r)) };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
