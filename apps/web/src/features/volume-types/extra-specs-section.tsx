import { extraSpecsBodySchema } from '@cinder-console/cinder';
import { Alert, Autocomplete, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { openDialog } from '../../lib/open-dialog';
import { requestValidator, showServerIssues, type RequestRules } from '../../lib/request-rules';
import { COMMON_SPECS, volumeTypeCalls, type AdminVolumeType } from '../../resources/volume-types/api';
import { useTypeMutation } from '../../resources/volume-types/use-type-mutation';
import { DialogActions } from '../../components/dialog-actions';
import { RemoveButton } from '../../components/remove-button';

interface SpecValues {
  key: string;
  value: string;
}

/** `POST /types/{id}/extra_specs` with the one spec, as the BFF checks it. */
const rules: RequestRules<SpecValues> = {
  schema: extraSpecsBodySchema,
  toRequest: (spec) => ({ extra_specs: { [spec.key]: spec.value } }),
  fieldOf: (_path, _spec, code) => (code === 'invalid_key' ? 'key' : 'value'),
};

/** Asks before a spec goes: removing one can change where new volumes of the type are placed. */
function ConfirmRemoveSpec({ specKey, remove, close }: { specKey: string; remove: () => void; close: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('volumeTypes.specs.removeConfirm', { key: specKey })}</Text>
      <DialogActions
        onCancel={close}
        cancelFocused
        label={t('volumeTypes.specs.removeKey', { key: specKey })}
        onConfirm={() => {
          remove();
          close();
        }}
        color="red"
      />
    </Stack>
  );
}

/**
 * A type's extra specs: add or change one (Cinder merges), remove one. Cinder refuses every change
 * while a volume uses the type, so the section says so up front.
 */
export function ExtraSpecsSection({ type }: { type: AdminVolumeType }) {
  const { t } = useTranslation();
  const form = useForm<SpecValues>({
    initialValues: { key: '', value: '' },
    validate: requestValidator(rules, t, (spec) => ({ key: spec.key ? null : t('metadata.keyRequired') })),
  });
  const { key, value } = form.values;
  const setKey = (next: string) => form.setFieldValue('key', next);
  const setValue = (next: string) => form.setFieldValue('value', next);
  const specs = Object.entries(type.extra_specs ?? {});
  const set = useTypeMutation({
    call: (spec: { key: string; value: string }) => volumeTypeCalls.setSpecs(type.id, { [spec.key]: spec.value }),
    done: (spec) => t('volumeTypes.specs.setDone', { key: spec.key }),
    failed: (spec) => t('volumeTypes.specs.setFailed', { key: spec.key }),
    onDone: () => form.reset(),
    onFailed: (error, spec) => showServerIssues(error, rules, spec, form.setFieldError),
  });
  const remove = useTypeMutation({
    call: (specKey: string) => volumeTypeCalls.removeSpec(type.id, specKey),
    done: (specKey) => t('volumeTypes.specs.removeDone', { key: specKey }),
    failed: (specKey) => t('volumeTypes.specs.removeFailed', { key: specKey }),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('volumeTypes.specs.title')}
      </Title>
      <Alert color="blue" variant="light">
        {t('volumeTypes.specs.inUseNote')}
      </Alert>
      {specs.length === 0 ? (
        <Text c="dimmed">{t('volumeTypes.specs.none')}</Text>
      ) : (
        <Table aria-label={t('volumeTypes.specs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('volumeTypes.specs.key')}</Table.Th>
              <Table.Th scope="col">{t('volumeTypes.specs.value')}</Table.Th>
              <Table.Th scope="col">{t('volumeTypes.fields.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {specs.map(([specKey, specValue]) => (
              <Table.Tr key={specKey}>
                <Table.Td ff="monospace">{specKey}</Table.Td>
                <Table.Td ff="monospace">{specValue}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('volumeTypes.specs.editKey', { key: specKey })}
                      onClick={() => {
                        setKey(specKey);
                        setValue(specValue);
                      }}
                    >
                      {t('volumeTypes.specs.edit')}
                    </Button>
                    <RemoveButton
                      label={t('volumeTypes.specs.removeKey', { key: specKey })}
                      pending={remove.isPending && remove.variables === specKey}
                      onClick={() =>
                        openDialog(t('volumeTypes.specs.removeTitle', { key: specKey }), (close) => (
                          <ConfirmRemoveSpec specKey={specKey} remove={() => remove.mutate(specKey)} close={close} />
                        ))
                      }
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={form.onSubmit((spec) => set.mutate(spec))} noValidate>
        <Group align="flex-end" gap="sm">
          <Autocomplete
            label={t('volumeTypes.specs.key')}
            data={COMMON_SPECS.map((spec) => spec.key)}
            value={key}
            error={form.errors.key}
            onChange={(next) => {
              setKey(next);
              const common = COMMON_SPECS.find((spec) => spec.key === next);
              if (common?.value && !value) setValue(common.value);
            }}
          />
          <TextInput
            label={t('volumeTypes.specs.value')}
            value={value}
            error={form.errors.value}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
          <Button type="submit" loading={set.isPending}>
            {t('volumeTypes.specs.save')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
