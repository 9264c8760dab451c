import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { LanguagePicker, ThemeToggle } from '../../components/lazy-controls';
import { closeAllDialogs } from '../../lib/open-dialog';
import { sessionQueries, useLogin } from '../../resources/session/api';
import { PasscodeForm } from './passcode-form';
import { tabCloud } from '../../lib/tab-cloud';
import { SsoChoices, SsoFailure } from './sso-choices';
import { ApiError } from '../../lib/api-error';
import { safeNext, type MfaChallenge, type SessionView } from '@cinder-console/cinder';
import { loginBody, type LoginValues } from './login-values';

/** Only a console with several clouds names the tab's cloud, and only it loads the picker's code. */
const CloudPicker = lazy(async () => ({ default: (await import('./cloud-picker')).CloudPicker }));

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), window.location.origin);
  const session = useQuery(sessionQueries.current());
  const login = useLogin();
  // However the session ended (expiry, sign-out elsewhere), no dialog may stay over this page.
  useEffect(() => closeAllDialogs(), []);
  const form = useForm<LoginValues>({
    mode: 'uncontrolled',
    initialValues: {
      method: 'password',
      username: '',
      password: '',
      project: '',
      domain: 'Default',
      credential: '',
      credentialUser: '',
      secret: '',
    },
    validate: {
      username: (value, values) => (values.method !== 'password' || value.trim() ? null : t('login.usernameRequired')),
      password: (value, values) => (values.method !== 'password' || value ? null : t('login.passwordRequired')),
      credential: (value, values) =>
        values.method !== 'applicationCredential' || value.trim() ? null : t('login.credentialRequired'),
      secret: (value, values) =>
        values.method !== 'applicationCredential' || value ? null : t('login.secretRequired'),
    },
  });
  // The form is uncontrolled (no re-render per keystroke), so the method that picks the fields is state.
  const [method, setMethod] = useState<LoginValues['method']>('password');
  const [challenge, setChallenge] = useState<MfaChallenge>();
  form.watch('method', ({ value }) => {
    setMethod(value);
    login.reset();
  });
  if (session.data) return <Navigate to={next} replace />;

  const done = (answer: SessionView | { mfaRequired: MfaChallenge }) => {
    if ('mfaRequired' in answer) setChallenge(answer.mfaRequired);
    else void navigate(next, { replace: true });
  };
  const sendPasscode = (body: { mfa: { ticket: string; passcode: string } }) =>
    login.mutate(body, {
      onSuccess: done,
      // The ticket is gone (too slow, too many wrong codes): back to the password.
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'mfaExpired') setChallenge(undefined);
      },
    });
  const submit = form.onSubmit((values) => {
    login.mutate(loginBody(values), { onSuccess: done });
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
          {!login.error && <SsoFailure failure={params.get('sso')} />}
          {login.error && <ErrorAlert error={login.error} title={t('login.failed')} />}
          {challenge ? (
            <PasscodeForm
              challenge={challenge}
              pending={login.isPending}
              onSubmit={sendPasscode}
              onRestart={() => {
                setChallenge(undefined);
                login.reset();
              }}
            />
          ) : (
            <form onSubmit={submit} noValidate aria-label={t('login.title')}>
              <Stack gap="sm">
                {tabCloud() !== undefined && (
                  <Suspense fallback={null}>
                    <CloudPicker next={next} onChange={() => login.reset()} />
                  </Suspense>
                )}
                <SegmentedControl
                  fullWidth
                  aria-label={t('login.method')}
                  data={[
                    { value: 'password', label: t('login.withPassword') },
                    { value: 'applicationCredential', label: t('login.withCredential') },
                  ]}
                  key={form.key('method')}
                  {...form.getInputProps('method')}
                />
                {method === 'password' ? (
                  <>
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
                  </>
                ) : (
                  <>
                    <TextInput
                      label={t('login.credential')}
                      description={t('login.credentialHint')}
                      autoComplete="username"
                      required
                      key={form.key('credential')}
                      {...form.getInputProps('credential')}
                    />
                    <TextInput
                      label={t('login.credentialUser')}
                      description={t('login.credentialUserHint')}
                      key={form.key('credentialUser')}
                      {...form.getInputProps('credentialUser')}
                    />
                    <PasswordInput
                      label={t('login.secret')}
                      autoComplete="current-password"
                      required
                      key={form.key('secret')}
                      {...form.getInputProps('secret')}
                    />
                  </>
                )}
                <TextInput label={t('login.domain')} key={form.key('domain')} {...form.getInputProps('domain')} />
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          )}
          {!challenge && <SsoChoices next={next} />}
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
