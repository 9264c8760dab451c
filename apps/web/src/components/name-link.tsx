import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';

/**
 * A resource's name as the link to its page, in a table row: one line, cut at the end when long,
 * with the whole name in the tooltip; a resource without a name says so.
 */
export function NameLink({ to, name, unnamed }: { to: string; name: string | null | undefined; unnamed: string }) {
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      fw={500}
      display="block"
      maw={260}
      truncate="end"
      title={name || undefined}
    >
      {name || (
        <Text span inherit fs="italic">
          {unnamed}
        </Text>
      )}
    </Anchor>
  );
}
