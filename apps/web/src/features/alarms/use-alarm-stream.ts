import { useEffect, useRef } from 'react';
import type { Alarm } from '@vigil/contracts';

/**
 * The console's live feed: the alarms module's own server-sent event stream
 * (`/api/v1/alarms/stream`), which sends each alarm as it now stands as soon as the change that
 * touched it commits. The browser's EventSource reconnects by itself; `onReady` runs at each
 * (re)connection, so the page reloads what it may have missed while the stream was down.
 */
export function useAlarmStream(facilityId: string | null, handlers: { onAlarms(alarms: Alarm[]): void; onReady(): void; onIngest?(n: number): void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const url = facilityId ? `/api/v1/alarms/stream?facilityId=${encodeURIComponent(facilityId)}` : '/api/v1/alarms/stream';
    const source = new EventSource(url);
    source.addEventListener('ready', () => ref.current.onReady());
    source.addEventListener('alarms', (e) => ref.current.onAlarms(JSON.parse((e as MessageEvent<string>).data) as Alarm[]));
    source.addEventListener('ingest', (e) => ref.current.onIngest?.((JSON.parse((e as MessageEvent<string>).data) as { accepted: number }).accepted));
    return () => source.close();
  }, [facilityId]);
}

let audio: AudioContext | null = null;

/** A short two-tone beep (Web Audio) for a new high-priority alarm. Silent where the browser forbids sound before a click. */
export function beep() {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      osc.type = 'square';
      gain.gain.setValueAtTime(0.08, now + i * 0.2);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.2 + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + i * 0.2);
      osc.stop(now + i * 0.2 + 0.2);
    }
  } catch {
    // no sound available: the visual cue still shows
  }
}
