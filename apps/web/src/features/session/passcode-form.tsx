import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { passcodeLoginSchema, type MfaChallenge } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../lib/request-rules';

const rules = bodyRules<{ passcode: string }>({
  schema: passcodeLoginSchema,
  wrap: 'mfa',
  toBody: (values) => ({ ticket: 'x'.repeat(43), ...values }),
});

/**
 * The second step when the user's multi-factor rule wants a TOTP passcode: the code from their
 * authenticator app, sent with the ticket the password step gave.
 */
export function PasscodeForm({
  challenge,
  pending,
  onSubmit,
  onRestart,
}: {
  challenge: MfaChallenge;
  pending: boolean;
  onSubmit: (body: { mfa: { ticket: string; passcode: string } }) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { passcode: '' }, validate: requestValidator(rules, t) });
  const submit = form.onSubmit(({ passcode }) => onSubmit({ mfa: { ticket: challenge.ticket, passcode } }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('login.passcodeTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('login.passcodeIntro')}</Text>
        <TextInput
          label={t('login.passcode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          autoFocus
          data-autofocus
          maxLength={8}
          {...form.getInputProps('passcode')}
        />
        <Button type="submit" loading={pending} fullWidth>
          {t('login.verify')}
        </Button>
        <Group justify="center">
          <Button variant="subtle" size="compact-sm" onClick={onRestart}>
            {t('login.startOver')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
