import { ActionIcon, Group, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconArrowsMaximize, IconCheck, IconChevronDown, IconChevronUp, IconCopy, IconDownload, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/formatting';
import type { SearchResult } from './logSearch';

export interface LogToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  search: SearchResult | null;
  /** Index of the current match, -1 when none. */
  current: number;
  onStep: (delta: 1 | -1) => void;
  wrap: boolean;
  onWrap: (wrap: boolean) => void;
  copyText: () => string;
  onDownload: () => void;
  /** Shown in the panel, not in the wide view itself. */
  onWide?: (() => void) | undefined;
}

function IconAction({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} withinPortal>
      <ActionIcon variant="subtle" aria-label={label} onClick={onClick} disabled={disabled}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Search with its count and next/previous, wrap, copy, download, wide view. */
export function LogToolbar(props: LogToolbarProps) {
  const { t } = useTranslation('log');
  const { search, current } = props;
  const clipboard = useClipboard({ timeout: 1500 });
  const total = search?.matches.length ?? 0;
  const count =
    !search || search.query === ''
      ? ''
      : total === 0
        ? t('search.none')
        : t(search.truncated ? 'search.countTruncated' : 'search.count', {
            current: formatNumber(current + 1),
            total: formatNumber(total),
          });
  return (
    <Group gap={6} wrap="wrap">
      <TextInput
        size="xs"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={props.query}
        onChange={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onStep(e.shiftKey ? -1 : 1);
        }}
        style={{ flex: '1 1 10rem', minWidth: '8rem' }}
      />
      <Text size="xs" c="dimmed" aria-live="polite" miw="5rem" data-testid="log-search-count">
        {count}
      </Text>
      <IconAction label={t('search.previous')} onClick={() => props.onStep(-1)} disabled={total === 0}>
        <IconChevronUp size={16} aria-hidden />
      </IconAction>
      <IconAction label={t('search.next')} onClick={() => props.onStep(1)} disabled={total === 0}>
        <IconChevronDown size={16} aria-hidden />
      </IconAction>
      <Switch size="xs" label={t('wrap')} checked={props.wrap} onChange={(e) => props.onWrap(e.currentTarget.checked)} />
      <IconAction label={clipboard.copied ? t('copied') : t('copy')} onClick={() => clipboard.copy(props.copyText())}>
        {clipboard.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
      </IconAction>
      <IconAction label={t('download')} onClick={props.onDownload}>
        <IconDownload size={16} aria-hidden />
      </IconAction>
      {props.onWide && (
        <IconAction label={t('wide')} onClick={props.onWide}>
          <IconArrowsMaximize size={16} aria-hidden />
        </IconAction>
      )}
    </Group>
  );
}
