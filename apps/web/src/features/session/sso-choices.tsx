import { Alert, Button, Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { pageBootstrap } from '../../lib/bootstrap';
import { cloudParam, tabCloud } from '../../lib/tab-cloud';
import { cloudQueries } from '../../resources/session/api';

/** What the BFF's `?sso=` says went wrong, by the sign-in page's strings. */
const FAILURES: Record<string, string> = {
  expired: 'login.ssoExpired',
  refused: 'login.ssoRefused',
  noProject: 'login.ssoNoProject',
  busy: 'login.ssoBusy',
};

/**
 * The single sign-on choices of the tab's cloud (Keystone WebSSO), as links: signing on is a
 * journey through Keystone and the identity provider's pages, which the BFF starts
 * (apps/bff/src/session/websso.ts) and ends on `next`.
 */
export function SsoChoices({ next }: { next: string }) {
  const { t } = useTranslation();
  // The page carries its cloud's choices; a tab that picked another cloud since asks for that one's.
  const page = pageBootstrap();
  const served = page && page.cloud === tabCloud() ? page.websso : undefined;
  const choices = useQuery({ ...cloudQueries.singleSignOn(tabCloud()), enabled: served === undefined });
  const list = served ?? choices.data?.choices ?? [];
  return (
    list.length > 0 && (
      <Stack gap="xs">
        <Divider label={t('login.ssoHeading')} labelPosition="center" />
        {list.map((choice) => (
          <Button
            key={choice.id}
            component="a"
            variant="default"
            fullWidth
            href={`/api/session/websso/start?${new URLSearchParams({ choice: choice.id, next, ...cloudParam() })}`}
          >
            {t('login.ssoWith', { label: choice.label })}
          </Button>
        ))}
      </Stack>
    )
  );
}

/** Why the last single sign-on ended on the sign-in page (the BFF's `?sso=`), if it did. */
export function SsoFailure({ failure }: { failure: string | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('login.ssoFailed')}>
      {t(FAILURES[failure] ?? FAILURES.refused!)}
    </Alert>
  );
}
