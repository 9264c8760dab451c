import { liveEventSchema, type LiveEvent } from '@cinder-console/cinder';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Keeps one `EventSource` on `/api/events` while mounted and hands each change to `onEvent`.
 * The browser reconnects by itself and sends `Last-Event-ID`, so nothing is missed in between;
 * when the BFF can no longer tell what was missed (it restarted without Redis, or the gap outgrew
 * its history) it sends `reset`, and every query is refetched instead.
 */
export function useLiveConnection(onEvent: (event: LiveEvent) => void, key: string): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const queryClient = useQueryClient();
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    source.addEventListener('change', (message) => {
      const parsed = liveEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) handler.current(parsed.data);
    });
    source.addEventListener('reset', () => void queryClient.invalidateQueries());
    return () => source.close();
    // `key` changes when the session moves to another project or region: a new stream is needed.
  }, [key, queryClient]);
  return state;
}
