import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import type { ActivityEntry } from './api';
import classes from './overview.module.css';

/** Resources with a detail page the activity can link to. */
const DETAIL_PATH: Record<string, string> = { volume: '/volumes', snapshot: '/snapshots', backup: '/backups' };

function Target({ target }: { target: ActivityEntry['target'] }) {
  const { t } = useTranslation();
  const kind = t(`overview.activity.kinds.${target.kind}`, { defaultValue: target.kind });
  const path = DETAIL_PATH[target.kind];
  if (!target.id) return <>{kind}</>;
  const shortId = target.id.slice(0, 8);
  return (
    <>
      {kind}{' '}
      {path ? (
        <Anchor component={Link} to={`${path}/${target.id}`} size="sm" title={target.id}>
          {shortId}
        </Anchor>
      ) : (
        <Text span size="sm" title={target.id}>
          {shortId}
        </Text>
      )}
    </>
  );
}

/** The console's audit trail for the project, newest first: who did what to what, and how it went. */
export function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <div className={classes.tableScroller}>
      <Table striped highlightOnHover aria-label={t('overview.activity.title')} className={classes.nowrap}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('overview.activity.time')}</Table.Th>
            <Table.Th scope="col">{t('overview.activity.user')}</Table.Th>
            <Table.Th scope="col">{t('overview.activity.action')}</Table.Th>
            <Table.Th scope="col">{t('overview.activity.target')}</Table.Th>
            <Table.Th scope="col">{t('overview.activity.result')}</Table.Th>
            <Table.Th scope="col">{t('overview.activity.requestId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={`${entry.time} ${entry.requestId} ${entry.action}`}>
              <Table.Td>{formatDateTime(entry.time, language)}</Table.Td>
              <Table.Td>{entry.user.name}</Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <Target target={entry.target} />
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={entry.result === 'success' ? 'teal' : 'red'}>
                  {entry.result === 'success'
                    ? t('overview.activity.success', { status: entry.status })
                    : t('overview.activity.failure', { status: entry.status })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Code>{entry.requestId}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
