import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CinderKind } from '../lib/query-keys';
import { useCinderMutation } from '../lib/use-cinder-mutation';

const LISTED = 10;

interface Named {
  id: string;
  name: string | null;
}

interface Outcome<T> {
  deleted: number;
  failures: Array<{ item: T; error: unknown }>;
}

/** What a delete dialog says, in the resource's words (counts are of the items to delete). */
interface DeleteTexts {
  question: (count: number) => string;
  submit: (count: number) => string;
  done: (count: number) => string;
  failed: (count: number) => string;
}

export interface BulkDeleteFormProps<T extends Named> {
  items: T[];
  /** Items the cloud would refuse now, with why: listed and left alone. */
  blocked?: Array<{ item: T; reason: string }>;
  remove: (item: T) => Promise<void>;
  texts: DeleteTexts;
  /** Kinds whose lists change (see useCinderMutation). */
  affects: readonly CinderKind[];
  /** Options of the deletion (e.g. "also delete their snapshots") and notes, above the confirmation. */
  children?: ReactNode;
  close: () => void;
  onDeleted?: (() => void) | undefined;
}

const nameOf = (item: Named) => item.name || item.id;

/**
 * Deletes one or several resources. Deleting several needs their count typed in, so a stray click
 * cannot remove a page of them; when only some are refused, the dialog stays open and lists each
 * with the cloud's reason.
 */
export function BulkDeleteForm<T extends Named>(props: BulkDeleteFormProps<T>) {
  const { t } = useTranslation();
  const { items, texts } = props;
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome<T>>();
  const count = items.length;
  const bulk = count > 1;
  const confirmed = count > 0 && (!bulk || typed.trim() === String(count));
  const remove = useCinderMutation({
    call: async (): Promise<Outcome<T>> => {
      const results = await Promise.allSettled(items.map((item) => props.remove(item)));
      const failures = results.flatMap((result, index) =>
        result.status === 'rejected' ? [{ item: items[index]!, error: result.reason as unknown }] : [],
      );
      // Nothing deleted: a failure toast with the cloud's reason says it best.
      if (failures.length === count) throw failures[0]!.error;
      return { deleted: count - failures.length, failures };
    },
    done: (_v, result) => texts.done(result.deleted),
    failed: () => texts.failed(count),
    affects: props.affects,
    onDone: (result) => {
      props.onDeleted?.();
      if (result.failures.length === 0) props.close();
      else setOutcome(result);
    },
  });
  return (
    <Stack gap="sm">
      {count > 0 ? (
        <>
          <Text size="sm">{texts.question(count)}</Text>
          <List size="sm" spacing={2} maw={440}>
            {items.slice(0, LISTED).map((item) => (
              <List.Item key={item.id}>{nameOf(item)}</List.Item>
            ))}
            {count > LISTED && <List.Item>{t('actions.delete.andMore', { count: count - LISTED })}</List.Item>}
          </List>
        </>
      ) : (
        <Text size="sm">{t('actions.delete.nothingDeletable')}</Text>
      )}
      {props.blocked && props.blocked.length > 0 && (
        <Alert color="orange" role="note" title={t('actions.delete.skipped', { count: props.blocked.length })}>
          <List size="sm">
            {props.blocked.map(({ item, reason }) => (
              <List.Item key={item.id}>
                {nameOf(item)}: {reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!outcome && props.children}
      {bulk && !outcome && (
        <TextInput
          label={t('actions.delete.typeCount', { count })}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
        />
      )}
      {outcome && (
        <Alert color="red" role="alert" title={t('actions.delete.partial', { count: outcome.failures.length })}>
          <List size="sm">
            {outcome.failures.map(({ item, error }) => (
              <List.Item key={item.id}>
                {nameOf(item)}: {error instanceof Error ? error.message : String(error)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.close}>
          {outcome ? t('actions.close') : t('actions.cancel')}
        </Button>
        {!outcome && (
          <Button color="red" disabled={!confirmed} loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
            {texts.submit(count)}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
