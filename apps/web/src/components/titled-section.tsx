import { Stack, Title, type TitleProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A part of a page under its own `h2`, named by it for assistive technology. */
export function TitledSection({
  title,
  size = 'h4',
  children,
}: {
  title: string;
  size?: TitleProps['size'];
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Stack gap={4} component="section" aria-labelledby={headingId}>
      <Title order={2} size={size} id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
