import { NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListViewControls } from '../../lib/list-view';

/**
 * The name filter. `/` anywhere focuses it (see the shell's shortcuts). Every key press applies it
 * at once, so rows follow the last key without a pause counted against the user; the call for the
 * text before is cancelled (the list query's abort signal), so a typed word costs the cloud at most
 * one call per key, and usually only the last one completes.
 */
export function NameFilter({ controls, exact }: { controls: ListViewControls; exact: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(controls.view.filters.name ?? '');
  const apply = (value: string) => controls.setFilter('name', value.trim() || undefined);
  return (
    <TextInput
      size="xs"
      type="search"
      data-search-input
      label={exact ? t('table.nameIs') : t('table.nameContains')}
      description={exact ? t('table.nameExactHint') : undefined}
      placeholder={t('table.searchPlaceholder')}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      w={220}
    />
  );
}

export interface SelectFilterProps {
  controls: ListViewControls;
  filterKey: string;
  label: string;
  options: Array<{ value: string; label: string }>;
}

/** A filter with a fixed set of values; "any" clears it. */
export function SelectFilter({ controls, filterKey, label, options }: SelectFilterProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      label={label}
      value={controls.view.filters[filterKey] ?? ''}
      onChange={(event) => controls.setFilter(filterKey, event.currentTarget.value || undefined)}
      data={[{ value: '', label: t('table.any') }, ...options]}
      w={170}
    />
  );
}
