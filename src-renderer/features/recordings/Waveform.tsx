import { useEffect, useRef } from 'react';

const HEIGHT = 48;

/** One channel drawn as bars of its peaks; the bar count and how many carry sound are on the element for tests. */
export function Waveform({ peaks, label, channel }: { peaks: number[]; label: string; channel: 'agent' | 'customer' }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.clearRect(0, 0, c.width, c.height);
    g.fillStyle = getComputedStyle(c).color;
    peaks.forEach((p, x) => {
      const h = Math.max(1, p * HEIGHT);
      g.fillRect(x, (HEIGHT - h) / 2, 1, h);
    });
  }, [peaks]);
  return (
    <canvas
      ref={canvas}
      className={`recording-wave recording-wave-${channel}`}
      width={peaks.length}
      height={HEIGHT}
      role="img"
      aria-label={label}
      data-testid={`waveform-${channel}`}
      data-bars={peaks.length}
      data-sounding-bars={peaks.filter((p) => p > 0.01).length}
    />
  );
}
