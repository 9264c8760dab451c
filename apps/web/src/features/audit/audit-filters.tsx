import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../resources/audit/api';
import { DateTimeFilter } from './date-time-filter';

/**
 * The audit filters. Text filters apply when the user leaves the field or presses Enter, not on
 * every keystroke; they are uncontrolled, keyed by the URL's value so a change there resets them.
 * The project picker is for admins only (members see their own project anyway).
 */
export function AuditFiltersBar({
  filters,
  onChange,
  projects,
}: {
  filters: AuditFilters;
  onChange: (next: AuditFilters) => void;
  projects: Array<{ id: string; name: string }> | undefined;
}) {
  const { t } = useTranslation();
  const set = (key: keyof AuditFilters, value: string | null) => onChange({ ...filters, [key]: value ?? '' });
  const commit = (key: 'user' | 'action', value: string) => {
    if ((filters[key] ?? '') !== value.trim()) set(key, value.trim());
  };
  const enter = (key: 'user' | 'action') => (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(key, event.currentTarget.value);
  };
  return (
    <Group align="flex-end" gap="sm">
      {projects && (
        <Select
          label={t('audit.filters.project')}
          placeholder={t('audit.filters.allProjects')}
          data={projects.map((project) => ({ value: project.id, label: project.name }))}
          value={filters.project ?? null}
          onChange={(value) => set('project', value)}
          clearable
          searchable
          w={200}
        />
      )}
      <TextInput
        label={t('audit.filters.user')}
        key={filters.user ?? ''}
        defaultValue={filters.user ?? ''}
        onBlur={(event) => commit('user', event.currentTarget.value)}
        onKeyDown={enter('user')}
        w={160}
      />
      <TextInput
        label={t('audit.filters.action')}
        description={t('audit.filters.actionHint')}
        key={filters.action ?? ''}
        defaultValue={filters.action ?? ''}
        onBlur={(event) => commit('action', event.currentTarget.value)}
        onKeyDown={enter('action')}
        w={200}
      />
      <Select
        label={t('audit.filters.result')}
        placeholder={t('audit.filters.anyResult')}
        data={[
          { value: 'success', label: t('audit.results.success') },
          { value: 'failure', label: t('audit.results.failure') },
        ]}
        value={filters.result ?? null}
        onChange={(value) => set('result', value)}
        clearable
        w={150}
      />
      <DateTimeFilter label={t('audit.filters.since')} value={filters.since} onChange={(iso) => set('since', iso)} />
      <DateTimeFilter label={t('audit.filters.until')} value={filters.until} onChange={(iso) => set('until', iso)} />
      <Button variant="subtle" onClick={() => onChange({})} disabled={Object.values(filters).every((v) => !v)}>
        {t('audit.filters.clear')}
      </Button>
    </Group>
  );
}
