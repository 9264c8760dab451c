import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '../lib/live-connection';
import classes from './app-layout.module.css';

const COLORS: Record<LiveState, string> = { live: 'teal', connecting: 'gray', reconnecting: 'yellow' };

/**
 * Whether the table updates live right now; announced politely when it changes. On a phone only
 * the dot shows; the word stays for screen readers.
 */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      color={COLORS[state]}
      size="sm"
      role="status"
      aria-live="polite"
      classNames={{ root: classes.liveBadge, label: classes.liveLabel }}
    >
      {t(`live.${state}`)}
    </Badge>
  );
}
