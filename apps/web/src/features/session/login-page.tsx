import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { LanguagePicker, ThemeToggle } from '../../components/lazy-controls';
import { closeAllDialogs } from '../../lib/open-dialog';
import { sessionQueries, useLogin } from './api';
import { safeNext } from './safe-next';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useQuery(sessionQueries.current());
  const login = useLogin();
  // However the session ended (expiry, sign-out elsewhere), no dialog may stay over this page.
  useEffect(() => closeAllDialogs(), []);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '', project: '', domain: 'Default' },
    validate: {
      username: (value) => (value.trim() ? null : t('login.usernameRequired')),
      password: (value) => (value ? null : t('login.passwordRequired')),
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) => {
    login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });
  });

  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420} component="main">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
          </div>
          {params.get('reason') === 'expired' && !login.error && (
            <Alert color="yellow" variant="light" role="status">
              {t('errors.sessionEnded')}
            </Alert>
          )}
          {login.error && <ErrorAlert error={login.error} title={t('login.failed')} />}
          <form onSubmit={submit} noValidate aria-label={t('login.title')}>
            <Stack gap="sm">
              <TextInput
                label={t('login.username')}
                autoComplete="username"
                required
                data-autofocus
                autoFocus
                key={form.key('username')}
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <TextInput
                label={t('login.project')}
                description={t('login.projectHint')}
                key={form.key('project')}
                {...form.getInputProps('project')}
              />
              <TextInput label={t('login.domain')} key={form.key('domain')} {...form.getInputProps('domain')} />
              <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
          <Text size="xs" c="dimmed">
            {t('login.demoHint')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Suspense fallback={null}>
              <ThemeToggle />
              <LanguagePicker />
            </Suspense>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
