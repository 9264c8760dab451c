import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's heading (the one `h1`) with the page's own actions at the other end of the line. */
export function PageHeader({
  title,
  align = 'center',
  children,
}: {
  title: ReactNode;
  /** How the actions line up with the heading: `flex-end` when they carry labels of their own. */
  align?: 'center' | 'flex-end';
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align={align}>
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Group>
  );
}
