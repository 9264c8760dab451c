import { statusClass } from '@cinder-console/cinder';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { ActionIcon, Anchor, Badge, Code, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useKnownName } from '../../lib/known-name';
import cells from '../../components/table-cells.module.css';
import { targetPath, type AuditEntry } from './api';

function RequestIdCell({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Code title={id} maw={130} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {id}
      </Code>
      <CopyButton value={id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('actions.copied') : t('actions.copyRequestId')}>
            <ActionIcon size="xs" variant="subtle" onClick={copy} aria-label={t('audit.copyRequestId', { id })}>
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function TargetCell({ target }: { target: AuditEntry['target'] }) {
  const { t } = useTranslation();
  const path = targetPath(target);
  const kind = t(`audit.kinds.${target.kind}`, { defaultValue: target.kind });
  // The name where the entry or what the console has loaded tells it; the id stays in the title.
  const recorded = typeof target.name === 'string' && target.name ? target.name : undefined;
  const known = useKnownName(target.kind, target.id);
  const name = recorded ?? known;
  if (!target.id) return <Text size="sm">{kind}</Text>;
  const label = name ?? target.id;
  return (
    <Text size="sm" truncate="end" maw={260} title={name ? `${name} · ${target.id}` : target.id}>
      {kind}{' '}
      {path ? (
        <Anchor component={Link} to={path} size="sm">
          {label}
        </Anchor>
      ) : (
        label
      )}
    </Text>
  );
}

/**
 * What became of an asynchronous action (Cinder's 202 only says it was accepted): pending until
 * the live relay sees the resource settle, then the status it reached, red when an error.
 */
function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const status =
    outcome === 'pending' || outcome === 'deleted'
      ? t(`audit.outcomes.${outcome}`)
      : t(`status.values.${outcome}`, { defaultValue: outcome });
  const color = outcome === 'pending' ? 'blue' : statusClass(outcome) === 'error' ? 'red' : 'teal';
  return (
    <Badge color={color} variant="light" aria-label={t('audit.outcomes.label', { status })} data-outcome={outcome}>
      {outcome === 'pending' ? status : t('audit.outcomes.reached', { status })}
    </Badge>
  );
}

/**
 * The audit trail, newest first, one row per call made through the console. `compact` (the
 * overview, a resource's own trail) leaves out project, region and HTTP status.
 */
export function AuditTable({
  entries,
  label,
  compact = false,
}: {
  entries: AuditEntry[];
  label: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Table.ScrollContainer minWidth={compact ? 720 : 960}>
      <Table striped highlightOnHover aria-label={label} className={cells.oneLine}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.user')}</Table.Th>
            {!compact && <Table.Th scope="col">{t('audit.columns.project')}</Table.Th>}
            {!compact && <Table.Th scope="col">{t('audit.columns.region')}</Table.Th>}
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.target')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.result')}</Table.Th>
            {!compact && <Table.Th scope="col">{t('audit.columns.status')}</Table.Th>}
            <Table.Th scope="col">{t('audit.columns.requestId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry, index) => (
            <Table.Tr key={`${entry.requestId}-${entry.time}-${index}`}>
              <Table.Td>
                <time dateTime={entry.time}>{time.format(new Date(entry.time))}</time>
              </Table.Td>
              <Table.Td>{entry.user.name}</Table.Td>
              {!compact && <Table.Td>{entry.project.name}</Table.Td>}
              {!compact && <Table.Td>{entry.region ?? '—'}</Table.Td>}
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <TargetCell target={entry.target} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge color={entry.result === 'success' ? 'teal' : 'red'} variant="light">
                    {t(`audit.results.${entry.result}`)}
                  </Badge>
                  {entry.outcome && <OutcomeBadge outcome={entry.outcome} />}
                </Group>
              </Table.Td>
              {!compact && <Table.Td>{entry.status}</Table.Td>}
              <Table.Td>
                <RequestIdCell id={entry.requestId} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
