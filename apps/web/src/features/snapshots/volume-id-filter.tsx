import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListViewControls } from '../../lib/list-view';

/**
 * Filters by the volume a snapshot was taken of. Cinder matches the whole id, so a partial id
 * would only empty the list; the filter applies once the text looks like a full UUID (or is cleared).
 */
export function VolumeIdFilter({ controls }: { controls: ListViewControls }) {
  const { t } = useTranslation();
  const [text, setText] = useState(controls.view.filters.volume ?? '');
  const complete = (value: string) => value === '' || /^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/i.test(value);
  const apply = useDebouncedCallback((value: string) => {
    if (complete(value)) controls.setFilter('volume', value || undefined);
  }, 350);
  const trimmed = text.trim();
  return (
    <TextInput
      size="xs"
      label={t('snapshots.filters.volumeId')}
      placeholder={t('snapshots.filters.volumeIdPlaceholder')}
      value={text}
      error={complete(trimmed) ? undefined : t('snapshots.filters.volumeIdIncomplete')}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value.trim());
      }}
      // Monospace for the id only: the label stays in the interface's font.
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      w={300}
      spellCheck={false}
      autoComplete="off"
    />
  );
}
