import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, type ListViewControls, type PageSize } from '../../lib/list-view';

export interface TablePagerProps {
  controls: ListViewControls;
  /** Rows on this page. */
  shown: number;
  /** Total matching the filter, when the cloud tells (3.45+). */
  count: number | undefined;
  nextMarker: string | undefined;
}

/**
 * Marker paging as Cinder does it: first, previous and next, the page size, and where the cloud
 * reports a total, which rows of how many are on screen.
 */
export function TablePager({ controls, shown, count, nextMarker }: TablePagerProps) {
  const { t } = useTranslation();
  const { view, pageNumber } = controls;
  const firstRow = pageNumber !== undefined ? (pageNumber - 1) * view.pageSize + 1 : undefined;
  // With `with_count`, Cinder links a next page even from the last one; the total says better.
  const lastKnown = count !== undefined && firstRow !== undefined && firstRow - 1 + shown >= count;
  const canGoNext = nextMarker !== undefined && !lastKnown;
  return (
    <Group justify="space-between" mt="xs" gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {count !== undefined && firstRow !== undefined && shown > 0
          ? t('table.range', { from: firstRow, to: firstRow + shown - 1, count })
          : count !== undefined
            ? t('table.total', { count })
            : t('table.rowCount', { count: shown })}
      </Text>
      <Group gap="xs">
        <NativeSelect
          size="xs"
          aria-label={t('table.pageSize')}
          value={String(view.pageSize)}
          onChange={(event) => controls.setPageSize(Number(event.currentTarget.value) as PageSize)}
          data={PAGE_SIZES.map((size) => ({ value: String(size), label: t('table.perPage', { count: size }) }))}
        />
        <Button size="xs" variant="default" disabled={!controls.hasPrevious} onClick={controls.firstPage}>
          {t('table.first')}
        </Button>
        <Button size="xs" variant="default" disabled={!controls.hasPrevious} onClick={controls.previousPage}>
          {t('table.previous')}
        </Button>
        {pageNumber !== undefined && (
          <Text size="sm" aria-current="page">
            {t('table.page', { page: pageNumber })}
          </Text>
        )}
        <Button
          size="xs"
          variant="default"
          disabled={!canGoNext}
          onClick={() => nextMarker && controls.nextPage(nextMarker)}
        >
          {t('table.next')}
        </Button>
      </Group>
    </Group>
  );
}
