import type { Snapshot } from '@cinder-console/cinder';
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../volumes/names';
import { snapshotCalls } from '../api';

const LISTED = 10;

interface Outcome {
  deleted: number;
  failures: Array<{ snapshot: Snapshot; error: unknown }>;
}

/**
 * Deletes one or several snapshots. Deleting several needs their count typed in, so a stray click
 * cannot remove a page of them; when only some are refused, the dialog stays open and lists why.
 */
export function DeleteSnapshotsForm({
  snapshots,
  close,
  onDeleted,
}: {
  snapshots: Snapshot[];
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const count = snapshots.length;
  const bulk = count > 1;
  const confirmed = !bulk || typed.trim() === String(count);
  const remove = useCinderMutation({
    call: async (): Promise<Outcome> => {
      const results = await Promise.allSettled(snapshots.map((snapshot) => snapshotCalls.remove(snapshot.id)));
      const failures = results.flatMap((result, index) =>
        result.status === 'rejected' ? [{ snapshot: snapshots[index]!, error: result.reason as unknown }] : [],
      );
      // Nothing deleted: a failure toast with the cloud's reason says it best.
      if (failures.length === count) throw failures[0]!.error;
      return { deleted: count - failures.length, failures };
    },
    done: (_v, result) => t('snapshots.delete.done', { count: result.deleted }),
    failed: () => t('snapshots.delete.failed', { count }),
    affects: ['snapshots'],
    onDone: (result) => {
      onDeleted?.();
      if (result.failures.length === 0) close();
      else setOutcome(result);
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('snapshots.delete.question', { count })}</Text>
      <List size="sm" spacing={2} maw={440}>
        {snapshots.slice(0, LISTED).map((snapshot) => (
          <List.Item key={snapshot.id}>{displayName(snapshot)}</List.Item>
        ))}
        {count > LISTED && <List.Item>{t('snapshots.delete.andMore', { count: count - LISTED })}</List.Item>}
      </List>
      <Text size="xs" c="dimmed">
        {t('snapshots.delete.volumesStay')}
      </Text>
      {bulk && !outcome && (
        <TextInput
          label={t('snapshots.delete.typeCount', { count })}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
        />
      )}
      {outcome && (
        <Alert color="red" role="alert" title={t('snapshots.delete.partial', { count: outcome.failures.length })}>
          <List size="sm">
            {outcome.failures.map(({ snapshot, error }) => (
              <List.Item key={snapshot.id}>
                {displayName(snapshot)}: {error instanceof Error ? error.message : String(error)}
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
            {t('snapshots.delete.submit', { count })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
