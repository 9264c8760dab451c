import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../lib/api-error';
import { displayName } from '../lib/display-name';
import { ActionBar } from './action-bar';
import type { MenuAction } from './action-menu';
import { CopyId } from './copy-id';
import { ErrorAlert } from './error-alert';
import { StatusBadge } from './status-badge';

/** What the frame shows of any kind; volume types have no status. */
type Shown = { id: string; name: string | null; status?: string };

/**
 * The kinds with a detail page: each one's i18n namespace holds `detail.back`, `detail.loadFailed`,
 * `detail.actions` (the toolbar's name) and `detail.notFound`/`detail.notFoundBody` (a heading and
 * a sentence for an id the cloud does not know: it may have been deleted).
 */
export type DetailKind = 'volumes' | 'snapshots' | 'backups' | 'groups' | 'groupSnapshots' | 'volumeTypes';

/**
 * The frame of a resource's detail page: the way back, the loader, the not-found page or the
 * error, then the name with its status and id, the action toolbar, and the page's own parts.
 */
export function DetailFrame<T extends Shown>({
  query,
  id,
  kind,
  back,
  actionsOf,
  badge,
  children,
}: {
  query: UseQueryResult<T>;
  /** The id the page was opened for, named when the cloud does not know it. */
  id: string;
  kind: DetailKind;
  back: string;
  actionsOf?: (item: T) => MenuAction[];
  /** Beside the name, for what a status does not say (the cloud's default type). */
  badge?: (item: T) => ReactNode;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const backLink = (
    <Anchor component={Link} to={back} size="sm">
      {t(`${kind}.detail.back`)}
    </Anchor>
  );
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.error) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        {missing ? (
          <>
            <Title order={1} size="h2">
              {t(`${kind}.detail.notFound`)}
            </Title>
            <Text>{t(`${kind}.detail.notFoundBody`, { id })}</Text>
          </>
        ) : (
          <ErrorAlert error={query.error} title={t(`${kind}.detail.loadFailed`)} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  const item = query.data;
  return (
    <Stack gap="md">
      {backLink}
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {displayName(item)}
          </Title>
          {item.status !== undefined && <StatusBadge status={item.status} />}
          {badge?.(item)}
        </Group>
        <CopyId id={item.id} />
      </Stack>
      {actionsOf && <ActionBar actions={actionsOf(item)} label={t(`${kind}.detail.actions`)} />}
      {children(item)}
    </Stack>
  );
}
