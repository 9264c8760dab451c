import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { useCloudAbilities } from '../../lib/capabilities';
import { AUDIT_FILTERS, AUDIT_LIMIT, auditListQueries, type AuditFilters } from '../../resources/audit/api';
import { identityQueries } from '../../resources/identity/api';
import { AuditFiltersBar } from './audit-filters';
import { AuditTable } from '../../resources/audit/audit-table';

/**
 * The console's audit trail: who changed what, with the outcome and the request id to quote.
 * Admins see every project; members their own (the BFF enforces it). Filters live in the URL.
 */
function AuditPage() {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const admin = abilities?.admin === true;
  const [search, setSearch] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    AUDIT_FILTERS.flatMap((key) => {
      const value = search.get(key);
      return value && (key !== 'project' || admin) ? [[key, value]] : [];
    }),
  );
  const projects = useQuery({ ...identityQueries.projects(), enabled: admin });
  const entries = useQuery(auditListQueries.list(filters));
  const setFilters = (next: AuditFilters) =>
    setSearch(
      new URLSearchParams(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))),
    );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {admin ? t('audit.scopeAdmin') : t('audit.scopeMember')}
      </Text>
      <AuditFiltersBar filters={filters} onChange={setFilters} projects={admin ? (projects.data ?? []) : undefined} />
      {entries.isError ? (
        <ErrorAlert title={t('audit.loadFailed')} error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data ? (
        <>
          {entries.data.length === 0 ? (
            <Text>{t('audit.empty')}</Text>
          ) : (
            <AuditTable entries={entries.data} label={t('audit.title')} />
          )}
          {entries.data.length >= AUDIT_LIMIT && (
            <Text size="sm" c="dimmed">
              {t('audit.truncated', { count: AUDIT_LIMIT })}
            </Text>
          )}
        </>
      ) : (
        <Loader aria-label={t('app.loading')} />
      )}
    </Stack>
  );
}

export default AuditPage;
