import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/** What the live stream sends for each change (platform/events/event-types.ts EventEnvelope). */
export interface DomainEventEnvelope {
  id: string;
  seq: string;
  type: string;
  entityType: string;
  entityId: string;
  facilityId: string | null;
  occurredAt: string;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

const STREAM = '/api/v1/events/stream';
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Listens to the server's domain events (GET /api/v1/events/stream, server-sent events) of the
 * given types while the screen is open: `onEvent` is called with each one the user may hear.
 * Reconnects by itself with a growing pause when the stream breaks (a restart, a network drop),
 * and calls `onResync` once it listens again, since events may have passed meanwhile: a screen
 * refetches then. Returns the connection state, for a "live" indicator.
 */
export function useDomainEvents(types: readonly string[], onEvent: (event: DomainEventEnvelope) => void, onResync?: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  // The latest callbacks, without reconnecting when a render makes new ones.
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };
  const key = [...types].sort().join(' ');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = FIRST_RETRY_MS;
    let connectedBefore = false;
    let stopped = false;
    const listen = (e: MessageEvent<string>) => {
      try {
        handlers.current.onEvent(JSON.parse(e.data) as DomainEventEnvelope);
      } catch {
        // A message that is not an envelope is ignored.
      }
    };
    const connect = () => {
      source = new EventSource(STREAM, { withCredentials: true });
      source.addEventListener('ready', () => {
        delay = FIRST_RETRY_MS;
        setState('live');
        if (connectedBefore) handlers.current.onResync?.();
        connectedBefore = true;
      });
      for (const type of key.split(' ').filter(Boolean)) source.addEventListener(type, listen as EventListener);
      source.onerror = () => {
        setState('reconnecting');
        // The browser retries a dropped stream itself; one it has given up on (closed) is ours to retry.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, MAX_RETRY_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [key]);

  return state;
}

/**
 * Refetches the given queries when an event of these types arrives (and after a reconnect), so a
 * screen stays current without reloading. `onEvent` may add a cue (a sound, a highlight).
 */
export function useRefetchOnEvents(types: readonly string[], queryKeys: readonly QueryKey[], onEvent?: (event: DomainEventEnvelope) => void): LiveState {
  const queryClient = useQueryClient();
  const refetch = () => {
    for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
  };
  return useDomainEvents(
    types,
    (event) => {
      refetch();
      onEvent?.(event);
    },
    refetch,
  );
}
