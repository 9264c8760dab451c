import { Button, Checkbox, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResourceColumn } from './column-meta';

/** Picks which columns show; the choice is part of the URL like the rest of the view. */
export function ColumnChooser<T>({
  columns,
  hidden,
  onChange,
}: {
  columns: ResourceColumn<T>[];
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
}) {
  const { t } = useTranslation();
  const toggle = (id: string, visible: boolean) =>
    onChange(visible ? hidden.filter((other) => other !== id) : [...hidden, id]);
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default">
          {t('table.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('table.columns')}>
        {columns.map((column) => {
          const id = column.id!;
          return (
            <Menu.Item key={id} component="div">
              <Checkbox
                label={column.meta?.label ?? id}
                checked={!hidden.includes(id)}
                onChange={(event) => toggle(id, event.currentTarget.checked)}
              />
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
