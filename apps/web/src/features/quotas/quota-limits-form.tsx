import { Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { groupQuotas, quotaLimitSchema, type QuotaLimits } from '../../resources/quotas/api';
import { quotaLabel } from './quota-label';

/**
 * Edits quota limits, grouped as the table shows them. Only changed limits are sent; each must be
 * a whole number, -1 for unlimited.
 */
export function QuotaLimitsForm({
  limits,
  submitLabel,
  pending,
  onSubmit,
  close,
}: {
  limits: QuotaLimits;
  submitLabel: string;
  pending: boolean;
  onSubmit: (changed: QuotaLimits) => void;
  close: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Record<string, number | string>>({
    initialValues: limits,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(values)
          .filter(([, value]) => !quotaLimitSchema.safeParse(value).success)
          .map(([key]) => [key, t('quotas.edit.invalid')]),
      ),
  });
  const groups = groupQuotas(
    Object.fromEntries(Object.entries(limits).map(([key, limit]) => [key, { limit, in_use: 0 }])),
  );
  const submit = (values: Record<string, number | string>) => {
    const changed = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => value !== limits[key]),
    ) as QuotaLimits;
    if (Object.keys(changed).length === 0) close();
    else onSubmit(changed);
  };
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
                  allowDecimal={false}
                  {...form.getInputProps(key)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
