import { Alert, Button, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { totpQueries, useRegisterTotp } from '../../resources/identity/application-credentials';

/**
 * Registering an authenticator app for Keystone's `totp` method: a new secret, shown once as a QR
 * code and as text. Whether sign-in then asks for a passcode is the cloud admin's MFA rule.
 */
export function TotpCard() {
  const { t } = useTranslation();
  const status = useQuery(totpQueries.status());
  const register = useRegisterTotp();
  const created = register.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="totp-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="totp-title">
          {t('totp.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('totp.about')}
        </Text>
        {status.data && (
          <Text size="sm">{status.data.registered ? t('totp.registered') : t('totp.notRegistered')}</Text>
        )}
        {register.error && <ErrorAlert title={t('totp.failed')} error={register.error} />}
        {created ? (
          <Stack gap="sm">
            <Alert color="yellow" variant="light" role="status">
              {t('totp.scanNow')}
            </Alert>
            <Image
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}`}
              alt={t('totp.qrAlt')}
              w={200}
              h={200}
            />
            <TextInput label={t('totp.secret')} value={created.secret} readOnly ff="monospace" />
          </Stack>
        ) : (
          <Button variant="light" onClick={() => register.mutate()} loading={register.isPending} w="fit-content">
            {status.data?.registered ? t('totp.registerAnother') : t('totp.register')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
