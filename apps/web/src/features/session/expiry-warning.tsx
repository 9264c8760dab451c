import type { SessionView } from '@cinder-console/cinder';
import { Alert, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepSessionAlive, sessionQueries, useRenewSession } from '../../resources/session/api';
import { formatCountdown, useTimeLeft } from './countdown';
import classes from './expiry-warning.module.css';

/** How long before the session ends the warning appears. */
const WARN_MS = 5 * 60_000;

/** When the session ends: `idleExpiresAt` is already the earlier of the idle limit and the token's expiry. */
const endOf = (session: SessionView | null | undefined) => (session ? Date.parse(session.idleExpiresAt) : Infinity);

/**
 * Warns a few minutes before the session ends, with the time left, a way to stay signed in (when
 * only idleness ends it) and a way to sign in again and come back here. The session is re-read
 * every minute, every 15 s near the end (activity in another tab moves the end), and once more
 * at the end, when the BFF's 401 sends the user to the login page with the way back.
 */
export function ExpiryWarning() {
  const { t } = useTranslation();
  const session = useQuery({
    ...sessionQueries.current(),
    refetchInterval: (query) => (endOf(query.state.data) - Date.now() <= WARN_MS + 60_000 ? 15_000 : 60_000),
  });
  const { refetch } = session;
  const endsAt = endOf(session.data);
  const left = useTimeLeft(endsAt, WARN_MS + 1000);
  const over = left <= 0;
  const [dismissedFor, setDismissedFor] = useState<number>();
  const renew = useRenewSession();
  const stay = useMutation({ mutationFn: keepSessionAlive, onSettled: () => void refetch() });

  useEffect(() => {
    if (over) void refetch();
  }, [over, endsAt, refetch]);

  const showing = session.data && !over && left <= WARN_MS && dismissedFor !== endsAt;
  // Only idleness can be undone; the token's own expiry cannot be pushed back.
  const extendable =
    session.data !== undefined && session.data !== null && Date.parse(session.data.expiresAt) - endsAt > 60_000;
  const minutes = Math.ceil(left / 60_000);
  return (
    <>
      {/* Announced once a minute; the visible countdown ticks every second and is not a live region. */}
      <VisuallyHidden aria-live="polite">
        {showing ? t('shell.expiry.minutesLeft', { count: minutes }) : ''}
      </VisuallyHidden>
      {showing && (
        <Alert
          className={classes.banner}
          role="region"
          color="yellow"
          variant="filled"
          title={t('shell.expiry.title')}
          withCloseButton
          closeButtonLabel={t('shell.expiry.dismiss')}
          onClose={() => setDismissedFor(endsAt)}
        >
          <Text size="sm">{t('shell.expiry.body', { time: formatCountdown(left) })}</Text>
          <Group gap="xs" mt="xs">
            {extendable && (
              <Button size="xs" variant="white" color="dark" loading={stay.isPending} onClick={() => stay.mutate()}>
                {t('shell.expiry.stay')}
              </Button>
            )}
            <Button size="xs" variant="white" color="dark" loading={renew.isPending} onClick={() => renew.mutate()}>
              {t('shell.expiry.signInAgain')}
            </Button>
          </Group>
        </Alert>
      )}
    </>
  );
}
