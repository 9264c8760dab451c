import { liveEventSchema, type LiveEvent } from '@cinder-console/cinder';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { cloudParam } from './tab-cloud';
import { useCloudAbilities } from './capabilities';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** What the BFF says of Cinder in an `event: health` message. */
interface HealthMessage {
  cinder: 'ok' | 'failing';
  problem?: string;
}

/**
 * Keeps one `EventSource` on `/api/events` while mounted and hands each change to `onEvent`.
 * `onHealth` hears why Cinder fails the relay's polls (an outage), and `undefined` once it answers again.
 * The browser reconnects by itself and sends `Last-Event-ID`, so nothing is missed in between;
 * when the BFF can no longer tell what was missed (it restarted without Redis, or the gap outgrew
 * its history) it sends `reset`, and every query is refetched instead.
 */
export function useLiveConnection(
  onEvent: (event: LiveEvent) => void,
  key: string,
  onHealth?: (problem: string | undefined) => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const queryClient = useQueryClient();
  // An admin's page in "All projects" mode follows every project: one stream for the whole cloud.
  const [params] = useSearchParams();
  const allProjects = useCloudAbilities()?.admin === true && params.get('allProjects') === '1';
  const handler = useRef(onEvent);
  const healthHandler = useRef(onHealth);
  useEffect(() => {
    handler.current = onEvent;
    healthHandler.current = onHealth;
  });
  useEffect(() => {
    // A stream cannot send the tab's cloud as a header; the BFF reads it from the address.
    const query = new URLSearchParams({ ...(allProjects ? { allProjects: '1' } : {}), ...cloudParam() });
    const search = query.toString();
    const source = new EventSource(search ? `/api/events?${search}` : '/api/events');
    // Whether Cinder was last said to be failing: a new stream is told again if it still is, so a
    // (re)connection starts from "answering", or a banner could outlive an outage that ended meanwhile.
    let failing = false;
    const tellHealth = (problem: string | undefined) => {
      failing = problem !== undefined;
      healthHandler.current?.(problem);
    };
    source.onopen = () => {
      setState('live');
      if (failing) tellHealth(undefined);
    };
    source.onerror = () => setState('reconnecting');
    source.addEventListener('change', (message) => {
      const parsed = liveEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) handler.current(parsed.data);
    });
    source.addEventListener('reset', () => void queryClient.invalidateQueries());
    source.addEventListener('health', (message) => {
      const health = JSON.parse((message as MessageEvent<string>).data) as HealthMessage;
      tellHealth(health.cinder === 'failing' ? (health.problem ?? '') : undefined);
    });
    return () => {
      source.close();
      // Another project's stream says for itself whether its Cinder fails.
      if (failing) tellHealth(undefined);
    };
    // `key` changes when the session moves to another project or region: a new stream is needed.
  }, [key, allProjects, queryClient]);
  return state;
}
