import type { Backup } from '@cinder-console/cinder';
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../volumes/names';
import { backupCalls } from '../api';
import { useBackupDeleteGate } from '../backup-delete-gate';

interface Outcome {
  deleted: number;
  failures: Array<{ backup: Backup; error: unknown }>;
}

const SHOWN = 10;

/**
 * Deletes one or several backups. Those Cinder would refuse (a status that does not allow it,
 * incremental backups depending on them) are listed with the reason and left alone. Deleting
 * several needs their count typed in, so a stray click cannot remove a page of backups.
 */
export function DeleteBackupsForm({
  backups,
  close,
  onDeleted,
}: {
  backups: Backup[];
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const deleteGate = useBackupDeleteGate();
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const checked = backups.map((backup) => ({ backup, gate: deleteGate(backup) }));
  const deletable = checked.filter((entry) => entry.gate.allowed).map((entry) => entry.backup);
  const blocked = checked.filter((entry) => !entry.gate.allowed);
  const bulk = deletable.length > 1;
  const confirmed = deletable.length > 0 && (!bulk || typed.trim() === String(deletable.length));

  const remove = useCinderMutation({
    call: async (): Promise<Outcome> => {
      const results = await Promise.allSettled(deletable.map((backup) => backupCalls.remove(backup.id)));
      const failures = results.flatMap((result, index) =>
        result.status === 'rejected' ? [{ backup: deletable[index]!, error: result.reason as unknown }] : [],
      );
      if (failures.length === deletable.length) throw failures[0]!.error;
      return { deleted: deletable.length - failures.length, failures };
    },
    done: (_v, result) => t('backups.delete.done', { count: result.deleted }),
    failed: () => t('backups.delete.failed', { count: deletable.length }),
    affects: ['backups'],
    onDone: (result) => {
      onDeleted?.();
      if (result.failures.length === 0) close();
      else setOutcome(result);
    },
  });

  return (
    <Stack gap="sm">
      {deletable.length > 0 ? (
        <>
          <Text size="sm">{t('backups.delete.question', { count: deletable.length })}</Text>
          <List size="sm" spacing={2} maw={440}>
            {deletable.slice(0, SHOWN).map((backup) => (
              <List.Item key={backup.id}>{displayName(backup)}</List.Item>
            ))}
            {deletable.length > SHOWN && (
              <List.Item>{t('backups.delete.andMore', { count: deletable.length - SHOWN })}</List.Item>
            )}
          </List>
          <Text size="sm" c="dimmed">
            {t('backups.delete.irreversible')}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('backups.delete.nothingDeletable')}</Text>
      )}
      {blocked.length > 0 && (
        <Alert color="orange" role="note" title={t('backups.delete.skipped', { count: blocked.length })}>
          <List size="sm">
            {blocked.map(({ backup, gate }) => (
              <List.Item key={backup.id}>
                {displayName(backup)}: {gate.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {bulk && !outcome && (
        <TextInput
          label={t('backups.delete.typeCount', { count: deletable.length })}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
      )}
      {outcome && (
        <Alert color="red" role="alert" title={t('backups.delete.partial', { count: outcome.failures.length })}>
          <List size="sm">
            {outcome.failures.map(({ backup, error }) => (
              <List.Item key={backup.id}>
                {displayName(backup)}: {error instanceof Error ? error.message : String(error)}
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
            {t('backups.delete.submit', { count: deletable.length })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
