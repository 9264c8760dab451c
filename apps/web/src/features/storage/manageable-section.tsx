import type { Manageable } from '@cinder-console/cinder';
import { Badge, Button, Group, Loader, Select, Switch, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { SimpleTable } from '../../components/simple-table';
import { openDialog } from '../../lib/open-dialog';
import { backendOfPool, storageQueries } from '../../resources/storage/api';
import { ManageSnapshotForm } from '../../resources/storage/dialogs/manage-snapshot-dialog';
import { ManageVolumeForm } from '../../resources/storage/dialogs/manage-volume-dialog';

const sourceName = (reference: Record<string, unknown> | null | undefined) => {
  const name = reference?.['source-name'] ?? reference?.['source-id'];
  return typeof name === 'string' ? name : JSON.stringify(reference ?? {});
};

/** A manageable item with the names of its reference and (snapshots) of its source volume. */
interface Named {
  item: Manageable;
  reference: string;
  source: string;
}

function ManageableTable({ kind, pool, rows }: { kind: 'volumes' | 'snapshots'; pool: string; rows: Manageable[] }) {
  const { t } = useTranslation();
  const caption = t(`storage.manageable.${kind}`);
  if (rows.length === 0) return <Text c="dimmed">{t('storage.manageable.none')}</Text>;
  const header = (column: string) => t(`storage.manageable.${column}`);
  // Each row's names, read once from the driver's references.
  const named = rows.map((item): Named => ({
    item,
    reference: sourceName(item.reference),
    source: sourceName(item.source_reference),
  }));
  const manage = ({ reference, source }: Named) =>
    openDialog(t('storage.manage.title', { name: reference }), (close) =>
      kind === 'volumes' ? (
        <ManageVolumeForm host={pool} reference={reference} close={close} />
      ) : (
        <ManageSnapshotForm reference={reference} source={source} close={close} />
      ),
    );
  return (
    <SimpleTable
      label={caption}
      minWidth={700}
      rows={named}
      rowKey={(row) => row.reference}
      columns={[
        { id: 'reference', header: header('reference'), mono: true, cell: (row) => row.reference },
        { id: 'size', header: header('size'), cell: ({ item }) => item.size ?? '—' },
        kind === 'snapshots' && { id: 'source', header: header('source'), mono: true, cell: (row) => row.source },
        {
          id: 'safe',
          header: header('safe'),
          cell: ({ item }) =>
            item.safe_to_manage ? (
              <Badge color="teal" variant="light">
                {t('storage.manageable.safeYes')}
              </Badge>
            ) : (
              <Text size="sm">
                {t('storage.manageable.safeNo', { reason: item.reason_not_safe ?? '—' })}
                {item.cinder_id ? ` (${item.cinder_id})` : ''}
              </Text>
            ),
        },
        {
          id: 'actions',
          header: header('actions'),
          cell: (row) => (
            <Button
              size="xs"
              variant="default"
              disabled={!row.item.safe_to_manage}
              aria-label={t('storage.manage.openFor', { name: row.reference })}
              onClick={() => manage(row)}
            >
              {t('storage.manage.submit')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function ManageableList({ kind, pool, all }: { kind: 'volumes' | 'snapshots'; pool: string; all: boolean }) {
  const { t } = useTranslation();
  const host = backendOfPool(pool);
  const query = useQuery(storageQueries.manageable(kind, host));
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.error) return <ErrorAlert error={query.error} title={t('storage.manageable.loadFailed')} />;
  // Cinder's own volumes are most of a busy backend: listed only when asked for.
  const rows = all ? query.data : query.data.filter((row) => row.safe_to_manage);
  return <ManageableTable kind={kind} pool={pool} rows={rows} />;
}

/**
 * Storage a backend holds that Cinder does not manage (3.8): pick a pool, see what is there, and
 * manage a volume or a snapshot. Cinder's own, not safe to manage, are listed on request.
 */
export function ManageableSection() {
  const { t } = useTranslation();
  const pools = useQuery(storageQueries.pools());
  const [chosen, setChosen] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const pool = chosen ?? pools.data?.[0]?.name ?? null;
  return (
    <section aria-labelledby="storage-manageable">
      <Title order={2} size="h3" id="storage-manageable" mb="xs">
        {t('storage.manageable.title')}
      </Title>
      <Group mb="sm">
        <Select
          label={t('storage.manageable.pool')}
          data={(pools.data ?? []).map((p) => p.name)}
          value={pool}
          onChange={setChosen}
          allowDeselect={false}
          w={360}
        />
        <Switch
          mt="lg"
          label={t('storage.manageable.showManaged')}
          checked={all}
          onChange={(event) => setAll(event.currentTarget.checked)}
        />
      </Group>
      {pool && (
        <Tabs defaultValue="volumes" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="volumes">{t('storage.manageable.volumes')}</Tabs.Tab>
            <Tabs.Tab value="snapshots">{t('storage.manageable.snapshots')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="volumes" pt="xs">
            <ManageableList kind="volumes" pool={pool} all={all} />
          </Tabs.Panel>
          <Tabs.Panel value="snapshots" pt="xs">
            <ManageableList kind="snapshots" pool={pool} all={all} />
          </Tabs.Panel>
        </Tabs>
      )}
    </section>
  );
}
