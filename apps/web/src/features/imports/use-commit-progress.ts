import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Import, ImportProgressEvent } from '@vigil/contracts';
import { importKeys } from './imports-api.ts';

/**
 * Follows an import's commit through its progress stream (server-sent events) into the cached
 * import. A stream, not polling: on the embedded database the commit holds the only session, so a
 * poll would wait until the end, while the stream — opened before the commit — goes on talking.
 * A dropped connection reconnects by itself and hears where the commit stands.
 */
export function useCommitProgress(importId: string) {
  const queryClient = useQueryClient();
  const source = useRef<EventSource | null>(null);

  const stop = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  /** Opens the stream; settles once it has said where things stand (or failed to open). */
  const follow = useCallback(
    () =>
      new Promise<void>((ready) => {
        stop();
        const events = new EventSource(`/api/v1/imports/${importId}/progress`);
        source.current = events;
        const settle = () => {
          stop();
          void queryClient.invalidateQueries({ queryKey: importKeys.all });
          ready();
        };
        events.addEventListener('waiting', () => ready());
        events.addEventListener('progress', (message) => {
          const { processed, total } = JSON.parse(message.data) as Extract<ImportProgressEvent, { type: 'progress' }>;
          queryClient.setQueryData<Import>(importKeys.one(importId), (old) => old && { ...old, status: 'committing', progress: { processed, total } });
          ready();
        });
        events.addEventListener('finished', settle);
        // Refused at the start (signed out, no access): the browser gives up, and so do we.
        events.addEventListener('error', () => {
          if (events.readyState === EventSource.CLOSED) settle();
        });
      }),
    [importId, queryClient, stop],
  );

  return useMemo(() => ({ follow, stop, following: () => source.current !== null }), [follow, stop]);
}
