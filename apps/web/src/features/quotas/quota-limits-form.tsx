import { quotaLimitsSchema } from '@cinder-console/cinder';
import { Alert, Checkbox, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../lib/request-rules';
import { groupQuotas, type QuotaLimits } from '../../resources/quotas/api';
import { quotaLabel } from './quota-label';
import { DialogActions } from '../../components/dialog-actions';

type Values = Record<string, number | string>;

/** Each limit as the BFF checks it: a whole number, -1 for unlimited. */
const rules = bodyRules<Values>({ schema: quotaLimitsSchema, toBody: (values) => values });

/** Cinder's refusal of a limit below use names the resource: "Quota volumes limit must be …". */
const BELOW_USE = /^Quota (\S+) limit must be equal or greater than existing resources/;

/** The resource a refusal from Cinder is about, to show it on that field. */
export function refusedQuota(error: unknown): string | undefined {
  return error instanceof Error ? BELOW_USE.exec(error.message)?.[1] : undefined;
}

/** Limits set below what the project uses (per-volume sizes and "no limit" are never below). */
function belowUse(values: Values, inUse: Record<string, number> | undefined): string[] {
  if (!inUse) return [];
  return Object.entries(values)
    .filter(([key, value]) => typeof value === 'number' && value >= 0 && key !== 'per_volume_gigabytes')
    .filter(([key, value]) => (inUse[key] ?? 0) > (value as number))
    .map(([key]) => key);
}

/**
 * Edits quota limits, grouped as the table shows them. Only changed limits are sent. A limit below
 * what is in use is named before saving: Cinder (Zed) has no way to be asked to check it and refuses
 * it only when the project already has its own limit for that resource, so the user confirms.
 */
export function QuotaLimitsForm({
  limits,
  inUse,
  submitLabel,
  pending,
  refused,
  onSubmit,
  close,
}: {
  limits: QuotaLimits;
  /** What the project uses now (in use plus reserved); absent for the defaults. */
  inUse?: Record<string, number>;
  submitLabel: string;
  pending: boolean;
  /** A resource whose limit Cinder refused, with its message, shown on that field. */
  refused?: { key: string; message: string } | undefined;
  onSubmit: (changed: QuotaLimits) => void;
  close: () => void;
}) {
  const { t } = useTranslation();
  const [acceptBelow, setAcceptBelow] = useState(false);
  const form = useForm<Values>({ initialValues: limits, validate: requestValidator(rules, t) });
  const groups = groupQuotas(
    Object.fromEntries(Object.entries(limits).map(([key, limit]) => [key, { limit, in_use: 0 }])),
  );
  const below = belowUse(form.values, inUse).filter((key) => form.values[key] !== limits[key]);
  const submit = (values: Values) => {
    const changed = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => value !== limits[key]),
    ) as QuotaLimits;
    if (Object.keys(changed).length === 0) close();
    else if (below.length > 0 && !acceptBelow) form.setFieldError('acceptBelow', t('quotas.edit.confirmBelow'));
    else onSubmit(changed);
  };
  const fieldError = (key: string) => (refused?.key === key ? refused.message : form.errors[key]);
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('quotas.edit.hint')}
        </Text>
        {groups.map((group) => (
          <Stack key={group.type ?? ''} gap={4}>
            <Title order={3} size="h5">
              {group.type === undefined ? t('quotas.projectWide') : t('quotas.ofType', { type: group.type })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {group.rows.map(({ key }) => (
                <NumberInput
                  key={key}
                  label={quotaLabel(t, key)}
                  min={-1}
                  clampBehavior="none"
                  {...form.getInputProps(key)}
                  error={fieldError(key)}
                  description={
                    below.includes(key) ? t('quotas.edit.belowUse', { inUse: inUse?.[key] ?? 0 }) : undefined
                  }
                />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        {below.length > 0 && (
          <Alert color="orange" role="alert" title={t('quotas.edit.belowTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('quotas.edit.belowWarning')}</Text>
              <Checkbox
                label={t('quotas.edit.acceptBelow')}
                checked={acceptBelow}
                error={form.errors.acceptBelow}
                onChange={(event) => setAcceptBelow(event.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        <DialogActions onCancel={close} label={submitLabel} pending={pending} />
      </Stack>
    </form>
  );
}
