import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Says that Cinder fails the console's calls right now, and why (the BFF's words: unreachable, too
 * slow, an error status), above whatever the page already shows, which stays. The live relay
 * reports the outage and its end, so the banner comes and goes by itself. Announced as an alert.
 */
export function CloudOutageBanner({ problem }: { problem: string | undefined }) {
  const { t } = useTranslation();
  if (problem === undefined) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('live.cinderFailingTitle')} mb="md">
      {problem && <Text size="sm">{problem}</Text>}
      <Text size="sm" c="dimmed" mt={4}>
        {t('live.cinderFailingBody')}
      </Text>
    </Alert>
  );
}
