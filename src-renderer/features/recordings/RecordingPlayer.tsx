import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { closePlayer } from './actions';
import type { LoadedRecording } from './store';
import { clock, SPEEDS, spanPlace } from './timeline';
import { Waveform } from './Waveform';

/**
 * Plays one recording: play/pause, seek (the slider or a click on the waveforms), speed 1–2×, the agent's and
 * the customer's channels as two waveforms, and the paused spans marked where they fall.
 */
export function RecordingPlayer({ recording }: { recording: LoadedRecording }) {
  const t = useT();
  const audio = useRef<HTMLAudioElement>(null);
  const [time, setTime] = useState(0);
  const [seconds, setSeconds] = useState(recording.hit.seconds);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed]);
  const seek = (to: number) => {
    if (audio.current) audio.current.currentTime = Math.min(Math.max(to, 0), seconds);
  };
  const seekByClick = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    seek(((e.clientX - box.left) / box.width) * seconds);
  };
  const spans = recording.hit.pausedSpans;
  return (
    <section className="recording-player" aria-label={t('recordings.player')} data-testid="recording-player" data-call-id={recording.hit.callId}>
      <audio
        ref={audio}
        src={recording.url}
        preload="auto"
        onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setSeconds(e.currentTarget.duration)}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
      />
      <div className="recording-controls">
        <button type="button" onClick={() => void (playing ? audio.current?.pause() : audio.current?.play())}>
          {playing ? t('recordings.pause') : t('recordings.play')}
        </button>
        <span className="recording-clock" data-testid="recording-time" data-seconds={time.toFixed(2)}>
          {clock(time)} / {clock(seconds)}
        </span>
        <input
          type="range"
          aria-label={t('recordings.seek')}
          min={0}
          max={seconds}
          step={0.1}
          value={time}
          onChange={(e) => seek(Number(e.currentTarget.value))}
        />
        <label>
          {t('recordings.speed')}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={closePlayer}>
          {t('recordings.closePlayer')}
        </button>
      </div>
      <div className="recording-timeline">
        <div className="recording-channels" aria-hidden="true">
          <span>{t('recordings.agentChannel')}</span>
          <span>{t('recordings.customerChannel')}</span>
        </div>
        <div className="recording-waves" onClick={seekByClick} data-testid="recording-timeline">
          <Waveform peaks={recording.agentPeaks} channel="agent" label={t('recordings.agentChannel')} />
          <Waveform peaks={recording.customerPeaks} channel="customer" label={t('recordings.customerChannel')} />
          {spans.map((span, i) => {
            const place = spanPlace(span, seconds);
            return (
              <div
                key={i}
                className="recording-paused-span"
                data-testid="recording-paused-span"
                data-from={span.from}
                data-to={span.to}
                style={{ left: `${place.left}%`, width: `${place.width}%` }}
                title={t('recordings.pausedSpan', { from: clock(span.from), to: clock(span.to) })}
              />
            );
          })}
          <div className="recording-playhead" style={{ left: `${seconds > 0 ? (time / seconds) * 100 : 0}%` }} />
        </div>
      </div>
      {spans.length > 0 && (
        <ul className="recording-marks">
          {spans.map((span, i) => (
            <li key={i}>
              <button type="button" onClick={() => seek(span.from)}>
                {t('recordings.pausedSpan', { from: clock(span.from), to: clock(span.to) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
