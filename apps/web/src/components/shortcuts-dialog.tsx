import { Fragment } from 'react';
import { Kbd, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShortcutHelp {
  /** Keys pressed one after another, e.g. `['g', 'v']`. */
  keys: readonly string[];
  description: string;
}

/** Lists the keyboard shortcuts the app answers to. */
export function ShortcutsDialog({
  opened,
  onClose,
  shortcuts,
}: {
  opened: boolean;
  onClose: () => void;
  shortcuts: readonly ShortcutHelp[];
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shell.shortcuts.title')}
      closeButtonProps={{ 'aria-label': t('shell.shortcuts.close') }}
    >
      <Table verticalSpacing={6} aria-label={t('shell.shortcuts.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('shell.shortcuts.keys')}</Table.Th>
            <Table.Th scope="col">{t('shell.shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.keys.join(' ')}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {shortcut.keys.map((key, index) => (
                  <Fragment key={key}>
                    {index > 0 && (
                      <Text span size="xs" c="dimmed" mx={4}>
                        {t('shell.shortcuts.then')}
                      </Text>
                    )}
                    <Kbd>{key}</Kbd>
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{shortcut.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        {t('shell.shortcuts.typingHint')}
      </Text>
    </Modal>
  );
}
