import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv, downloadText } from '../../lib/csv';
import type { ResourceColumn } from './column-meta';

/**
 * Exports every row matching the current filter (all pages, not just the one on screen) with the
 * visible columns that have a CSV value.
 */
export function ExportCsvButton<T>({
  fileName,
  columns,
  hidden,
  loadAll,
}: {
  fileName: string;
  columns: ResourceColumn<T>[];
  hidden: readonly string[];
  loadAll: (signal: AbortSignal) => Promise<T[]>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const exportRows = async () => {
    setBusy(true);
    try {
      const rows = await loadAll(new AbortController().signal);
      const csvColumns = columns
        .filter((column) => column.meta?.csv && !hidden.includes(column.id!))
        .map((column) => ({ header: column.meta!.label, value: column.meta!.csv! }));
      downloadText(fileName, toCsv(rows, csvColumns));
    } catch (error) {
      notifications.show({ color: 'red', title: t('table.exportFailed'), message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="default" loading={busy} onClick={() => void exportRows()}>
      {t('table.exportCsv')}
    </Button>
  );
}
