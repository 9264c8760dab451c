import { Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionBar } from '../../components/action-bar';
import type { MenuAction } from '../../components/action-menu';
import { CopyId } from '../../components/copy-id';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { displayName } from '../../lib/display-name';

type Shown = { id: string; name: string | null; status: string };

/**
 * The frame of a group's or a group snapshot's detail page: the way back, the loader and the
 * error, then the name with its status and id, the action toolbar, and the page's own parts.
 */
export function DetailFrame<T extends Shown>({
  query,
  back,
  texts,
  actionsOf,
  children,
}: {
  query: UseQueryResult<T>;
  back: string;
  texts: { back: string; loadFailed: string; actions: string };
  actionsOf: (item: T) => MenuAction[];
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const backLink = (
    <Anchor component={Link} to={back} size="sm">
      {texts.back}
    </Anchor>
  );
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.error)
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        <ErrorAlert error={query.error} title={texts.loadFailed} onRetry={() => void query.refetch()} />
      </Stack>
    );
  const item = query.data;
  return (
    <Stack gap="md">
      {backLink}
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {displayName(item)}
          </Title>
          <StatusBadge status={item.status} />
        </Group>
        <CopyId id={item.id} />
      </Stack>
      <ActionBar actions={actionsOf(item)} label={texts.actions} />
      {children(item)}
    </Stack>
  );
}
