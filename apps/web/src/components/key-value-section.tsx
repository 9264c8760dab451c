import { Table, Text, type TitleProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TitledSection } from './titled-section';

/**
 * A titled section of keys and values (a resource's metadata, a volume's image properties): a
 * table named by its title, or a line saying there is none.
 */
export function KeyValueSection({
  title,
  values,
  size = 'h4',
}: {
  title: string;
  values: Record<string, string>;
  size?: TitleProps['size'];
}) {
  const { t } = useTranslation();
  const entries = Object.entries(values);
  return (
    <TitledSection title={title} size={size}>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('metadata.empty')}
        </Text>
      ) : (
        <Table aria-label={title} maw={640}>
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{key}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </TitledSection>
  );
}
