import { Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeTime } from './formatting';
import { useNow } from './useNow';

/**
 * A time in words: the local date-time with its zone, or "3 minutes ago" when `relative`. Hovering or
 * focusing it shows the exact value both ways: local, and as OCP sent it (with OCP's own offset).
 */
export function TimeText({ iso, relative = false }: { iso: string | undefined; relative?: boolean }) {
  const { t } = useTranslation();
  const now = useNow(relative);
  if (!iso) return <>—</>;
  const exact = t('time.exact', { local: formatDateTime(iso), ocp: iso });
  return (
    <Tooltip label={exact} events={{ hover: true, focus: true, touch: true }} multiline maw={340}>
      {/* Focusable so a keyboard user gets the exact time too. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the tooltip opens on focus: the exact time for keyboard users */}
      <time dateTime={iso} tabIndex={0}>
        {relative ? formatRelativeTime(iso, now) : formatDateTime(iso)}
        {relative && <VisuallyHidden> ({exact})</VisuallyHidden>}
      </time>
    </Tooltip>
  );
}
