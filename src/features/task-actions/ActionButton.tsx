import { Button, Tooltip, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { useId, type ReactNode, type Ref } from 'react';

interface ActionButtonProps extends Omit<ButtonProps, 'disabled'> {
  children: ReactNode;
  /** Why the action is not available; undefined when it is. */
  reason: string | undefined;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A button that, when the action is not available, stays focusable and says why: to the keyboard and
 * to screen readers (aria-disabled, with the reason as its description), not only on hover. A truly
 * `disabled` button would drop out of the Tab order and take its reason with it.
 */
export function ActionButton({ reason, onClick, children, ref, ...props }: ActionButtonProps) {
  const reasonId = useId();
  const unavailable = reason !== undefined;
  return (
    <Tooltip label={reason} disabled={!unavailable} withArrow multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      <Button
        {...props}
        ref={ref}
        data-disabled={unavailable || undefined}
        aria-disabled={unavailable || undefined}
        aria-describedby={unavailable ? reasonId : undefined}
        onClick={(event) => {
          if (unavailable) event.preventDefault();
          else onClick();
        }}
      >
        {children}
        {unavailable && <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>}
      </Button>
    </Tooltip>
  );
}
