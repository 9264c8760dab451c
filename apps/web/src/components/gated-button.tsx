import { Button, Tooltip, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export interface ButtonGate {
  allowed: boolean;
  reason: string | undefined;
}

/**
 * A button that may be refused (by status, microversion or the user's role). Refused, it stays
 * focusable (marked `aria-disabled`, not `disabled`) with the reason as a tooltip and as its
 * description, so keyboard and screen reader users reach the reason too.
 */
export function GatedButton({
  gate,
  onClick,
  children,
  ...props
}: ButtonProps & { gate: ButtonGate; onClick: () => void; children: ReactNode }) {
  const reasonId = useId();
  if (gate.allowed) {
    return (
      <Button {...props} onClick={onClick}>
        {children}
      </Button>
    );
  }
  return (
    <>
      <Tooltip label={gate.reason} withArrow multiline maw={280}>
        <Button
          {...props}
          data-disabled
          aria-disabled
          aria-describedby={reasonId}
          onClick={(event) => event.preventDefault()}
        >
          {children}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>{gate.reason}</VisuallyHidden>
    </>
  );
}

/** A list's "Delete n selected": small and red beside the table tools, refused with the gate's reason. */
export function DeleteSelectedButton(props: { gate: ButtonGate; onClick: () => void; children: ReactNode }) {
  return <GatedButton size="xs" color="red" variant="light" {...props} />;
}
