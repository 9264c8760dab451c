import type { TFunction } from 'i18next';
import { ActionMenu, type MenuAction } from './action-menu';
import type { SimpleColumn } from './simple-table';

interface TypeRow {
  name: string;
  description?: string | null | undefined;
  is_public?: boolean | undefined;
}

/** `key=value, …` of a type's specs, short enough for a table cell. */
function specsSummary(specs: Record<string, string> | null | undefined): string {
  return Object.entries(specs ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

type TypeWords = 'volumeTypes' | 'groupTypes';

/** Public or private, in the kind's words; a type without `is_public` is public, as Cinder lists it. */
export function typeVisibility(t: TFunction, words: TypeWords, type: TypeRow): string {
  return type.is_public === false ? t(`${words}.private`) : t(`${words}.public`);
}

/**
 * The columns volume types and group types share: description, visibility, specs and the row's
 * action menu. `words` is the kind's i18n namespace (its `fields.*`, `public` and `private`).
 */
export function typeColumns<T extends TypeRow>(
  t: TFunction,
  words: TypeWords,
  specs: { header: string; of: (type: T) => Record<string, string> | null | undefined },
  actionsOf: (type: T) => MenuAction[],
) {
  return {
    description: {
      id: 'description',
      header: t(`${words}.fields.description`),
      cell: (type) => type.description || '—',
    },
    visibility: {
      id: 'visibility',
      header: t(`${words}.fields.visibility`),
      cell: (type) => typeVisibility(t, words, type),
    },
    specs: {
      id: 'specs',
      header: specs.header,
      breakAnywhere: true,
      cell: (type) => specsSummary(specs.of(type)) || '—',
    },
    actions: {
      id: 'actions',
      header: t(`${words}.fields.actions`),
      cell: (type) => <ActionMenu name={type.name} actions={actionsOf(type)} />,
    },
  } satisfies Record<string, SimpleColumn<T>>;
}
