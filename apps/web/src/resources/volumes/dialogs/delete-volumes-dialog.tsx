import type { Volume } from '@cinder-console/cinder';
import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { volumeCalls } from '../api';
import { displayName } from '../names';

interface Outcome {
  deleted: number;
  failures: Array<{ volume: Volume; error: unknown }>;
}

/**
 * Deletes one or several volumes, optionally with their snapshots (`cascade`). Deleting several
 * needs the count typed in, so a stray click cannot remove a page of volumes.
 */
export function DeleteVolumesForm({
  volumes,
  close,
  onDeleted,
}: {
  volumes: Volume[];
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const [cascade, setCascade] = useState(false);
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const bulk = volumes.length > 1;
  const confirmed = !bulk || typed.trim() === String(volumes.length);
  const remove = useCinderMutation({
    call: async (): Promise<Outcome> => {
      const results = await Promise.allSettled(volumes.map((volume) => volumeCalls.remove(volume.id, cascade)));
      const failures = results.flatMap((result, index) =>
        result.status === 'rejected' ? [{ volume: volumes[index]!, error: result.reason as unknown }] : [],
      );
      if (failures.length === volumes.length) throw failures[0]!.error;
      return { deleted: volumes.length - failures.length, failures };
    },
    done: (_v, result) => t('volumes.delete.done', { count: result.deleted }),
    failed: () => t('volumes.delete.failed', { count: volumes.length }),
    affects: ['volumes', 'snapshots'],
    onDone: (result) => {
      onDeleted?.();
      if (result.failures.length === 0) close();
      else setOutcome(result);
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('volumes.delete.question', { count: volumes.length })}</Text>
      <List size="sm" spacing={2} maw={440}>
        {volumes.slice(0, 10).map((volume) => (
          <List.Item key={volume.id}>{displayName(volume)}</List.Item>
        ))}
        {volumes.length > 10 && <List.Item>{t('volumes.delete.andMore', { count: volumes.length - 10 })}</List.Item>}
      </List>
      <Checkbox
        label={t('volumes.delete.cascade')}
        description={t('volumes.delete.cascadeHint')}
        checked={cascade}
        onChange={(event) => setCascade(event.currentTarget.checked)}
      />
      {bulk && (
        <TextInput
          label={t('volumes.delete.typeCount', { count: volumes.length })}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          data-autofocus
        />
      )}
      {outcome && (
        <Alert color="red" role="alert" title={t('volumes.delete.partial', { count: outcome.failures.length })}>
          <List size="sm">
            {outcome.failures.map(({ volume, error }) => (
              <List.Item key={volume.id}>
                {displayName(volume)}: {(error as Error).message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {outcome ? t('actions.close') : t('actions.cancel')}
        </Button>
        {!outcome && (
          <Button color="red" disabled={!confirmed} loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
            {t('volumes.delete.submit', { count: volumes.length })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
