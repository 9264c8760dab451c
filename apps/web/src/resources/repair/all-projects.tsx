import { Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceColumn } from '../../components/resource-table';
import { SelectFilter } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { useCloudAbilities } from '../../lib/capabilities';
import type { ListViewControls } from '../../lib/list-view';
import { identityQueries } from '../identity/api';

/**
 * Project names by id, as `useProjectNames` gives them, but the same Map until the projects change:
 * the tables' column definitions depend on it.
 */
function useProjectNameMap(): Map<string, string> {
  const admin = useCloudAbilities()?.admin === true;
  const { data } = useQuery({ ...identityQueries.projects(), enabled: admin });
  return useMemo(() => new Map((data ?? []).map((project) => [project.id, project.name])), [data]);
}

/** Whether the list shows every project now (admins only; see `ALL_PROJECTS_FILTERS`). */
const showsAllProjects = (controls: ListViewControls, admin: boolean | undefined) =>
  admin === true && controls.view.filters.allProjects === '1';

/** The "All projects" switch and, when on, the project filter. Render for admins only. */
export function AllProjectsFilters({
  controls,
  projectNames,
}: {
  controls: ListViewControls;
  projectNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const on = controls.view.filters.allProjects === '1';
  return (
    <>
      <Switch
        label={t('repair.allProjects.toggle')}
        checked={on}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          if (!checked) controls.setFilter('project', undefined);
          controls.setFilter('allProjects', checked ? '1' : undefined);
        }}
        style={{ alignSelf: 'flex-end', paddingBottom: 6 }}
      />
      {on && (
        <SelectFilter
          controls={controls}
          filterKey="project"
          label={t('repair.allProjects.project')}
          options={[...projectNames.entries()]
            .map(([value, label]) => ({ value, label }))
            .sort((a, b) => a.label.localeCompare(b.label))}
        />
      )}
    </>
  );
}

/** Puts `extra` columns before the row-actions column, if the table has one. */
function beforeActions<T>(columns: ResourceColumn<T>[], extra: ResourceColumn<T>[]): ResourceColumn<T>[] {
  const last = columns.at(-1);
  return last?.id === 'actions' ? [...columns.slice(0, -1), ...extra, last] : [...columns, ...extra];
}

/**
 * The project column (name when the admin may read it, else the id) and, where the kind has one,
 * the host column, for a list that shows every project.
 */
function allProjectsColumns<T extends Record<string, unknown>>(
  t: TFunction,
  projectNames: Map<string, string>,
  fields: ProjectFields<T>,
): ResourceColumn<T>[] {
  const projectOf = (row: T) => {
    const id = fields.project(row);
    return id ? (projectNames.get(id) ?? id) : '';
  };
  const columns = [column.display('project', t('repair.allProjects.projectColumn'), projectOf, { csv: projectOf })];
  const host = fields.host;
  if (host) {
    const hostOf = (row: T) => host(row) ?? '';
    columns.push(column.display('host', t('repair.allProjects.hostColumn'), hostOf, { csv: hostOf }));
  }
  return columns;
}

/** A string field of a loose Cinder record, by its (microversion-dependent) name. */
export const stringField =
  (...names: string[]) =>
  (row: Record<string, unknown>): string | undefined => {
    for (const name of names) if (typeof row[name] === 'string') return row[name];
    return undefined;
  };

/** Which fields of a kind's rows name its project and, where it has one, its host. */
export interface ProjectFields<T> {
  project: (row: T) => string | undefined;
  host?: (row: T) => string | undefined;
}

/**
 * A kind's table columns for the language shown, with the project (and host) columns before the
 * row actions while an admin's list shows every project; and the project names the filters offer.
 * `kindColumns` and `fields` are the kind's constants (module-level), so the columns change only
 * with what they show.
 */
export function useProjectAwareColumns<T extends Record<string, unknown>>(
  controls: ListViewControls,
  kindColumns: (t: TFunction, language: string) => ResourceColumn<T>[],
  fields: ProjectFields<T>,
): { columns: ResourceColumn<T>[]; projectNames: Map<string, string> } {
  const { t, i18n } = useTranslation();
  const admin = useCloudAbilities()?.admin;
  const projectNames = useProjectNameMap();
  const allProjects = showsAllProjects(controls, admin);
  const language = i18n.resolvedLanguage ?? 'en';
  const columns = useMemo(
    () => beforeActions(kindColumns(t, language), allProjects ? allProjectsColumns(t, projectNames, fields) : []),
    [kindColumns, t, language, allProjects, projectNames, fields],
  );
  return { columns, projectNames };
}
