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
  // The timeline's marks in time order: where recording was paused (silence) and where the call was on hold.
  const marks = [
    ...recording.hit.pausedSpans.map((s) => ({ ...s, kind: 'paused' as const })),
    ...recording.hit.holdSpans.map((s) => ({ ...s, kind: 'hold' as const })),
  ].sort((a, b) => a.from - b.from);
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
          {marks.map((mark, i) => {
            const place = spanPlace(mark, seconds);
            return (
              <div
                key={i}
                className={`recording-${mark.kind}-span`}
                data-testid={`recording-${mark.kind}-span`}
                data-from={mark.from}
                data-to={mark.to}
                style={{ left: `${place.left}%`, width: `${place.width}%` }}
                title={t(`recordings.${mark.kind}Span`, { from: clock(mark.from), to: clock(mark.to) })}
              />
            );
          })}
          {recording.hit.events.map((moment, i) => (
            <div
              key={`m${i}`}
              className={`recording-${moment.kind}-mark`}
              data-testid={`recording-${moment.kind}-mark`}
              data-at={moment.at}
              style={{ left: `${spanPlace({ from: moment.at, to: moment.at }, seconds).left}%` }}
              title={t(`recordings.${moment.kind}At`, { at: clock(moment.at) })}
            />
          ))}
          <div className="recording-playhead" style={{ left: `${seconds > 0 ? (time / seconds) * 100 : 0}%` }} />
        </div>
      </div>
      {(marks.length > 0 || recording.hit.events.length > 0) && (
        <ul className="recording-marks">
          {marks.map((mark, i) => (
            <li key={i}>
              <button type="button" className={`recording-mark-${mark.kind}`} onClick={() => seek(mark.from)}>
                {t(`recordings.${mark.kind}Span`, { from: clock(mark.from), to: clock(mark.to) })}
              </button>
            </li>
          ))}
          {recording.hit.events.map((moment, i) => (
            <li key={`m${i}`}>
              <button type="button" className={`recording-mark-${moment.kind}`} onClick={() => seek(moment.at)}>
                {t(`recordings.${moment.kind}At`, { at: clock(moment.at) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
