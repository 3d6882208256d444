import { ActionIcon, CloseButton, Group, SegmentedControl, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconKeyboard, IconSearch } from '@tabler/icons-react';
import { memo, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewCommands } from '../viewCommands';
import type { TaskViewState } from './viewState';

interface FindBarProps {
  state: TaskViewState;
  update: (change: Partial<TaskViewState>) => void;
  /** The search as typed (it reaches the URL once typing pauses). `now` writes it at once. */
  query: string;
  onQueryChange: (query: string, options?: { now?: boolean }) => void;
  commands: ViewCommands;
  /** Hits of the current search; null when nothing is searched. */
  matchCount: number | null;
  hasSelection: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  onShowShortcuts: () => void;
  /** Extra controls at the end (export). */
  children?: ReactNode;
}

/** Above the graph and the timeline: search, lineage, the graph/timeline switch and the shortcut sheet. */
export function FindBar({
  state,
  update,
  query,
  onQueryChange,
  commands,
  matchCount,
  hasSelection,
  searchRef,
  onShowShortcuts,
  children,
}: FindBarProps) {
  const { t } = useTranslation('graph');
  const step = (direction: 1 | -1) => commands.send({ type: 'step', among: 'matches', direction });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      if (query) onQueryChange('', { now: true });
      else e.currentTarget.blur();
    }
  };
  return (
    <Group gap="sm" px="md" py={6} wrap="wrap" style={{ borderBottom: '1px solid var(--ocp-border)' }} bg="var(--ocp-surface)">
      <TextInput
        ref={searchRef}
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        w={340}
        size="xs"
        value={query}
        onChange={(e) => onQueryChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSectionWidth={query ? 28 : undefined}
        rightSection={
          query ? <CloseButton size="xs" aria-label={t('find.clear')} onClick={() => onQueryChange('', { now: true })} /> : null
        }
      />
      {matchCount !== null && (
        <Group gap={2} wrap="nowrap">
          <Text size="xs" c={matchCount === 0 ? 'red' : 'dimmed'} role="status" aria-live="polite" miw={80} data-testid="match-count">
            {t('find.count', { count: matchCount })}
          </Text>
          <MatchSteps commands={commands} disabled={matchCount === 0} />
        </Group>
      )}
      <FindBarControls state={state} update={update} hasSelection={hasSelection} onShowShortcuts={onShowShortcuts}>
        {children}
      </FindBarControls>
    </Group>
  );
}

/** Previous / next match; memoised, like the controls below: a search key re-renders only the field and the count. */
const MatchSteps = memo(function MatchSteps({ commands, disabled }: { commands: ViewCommands; disabled: boolean }) {
  const { t } = useTranslation('graph');
  const step = (direction: 1 | -1) => commands.send({ type: 'step', among: 'matches', direction });
  return (
    <>
      <Tooltip label={t('find.previous')}>
        <ActionIcon size="sm" variant="default" aria-label={t('find.previous')} onClick={() => step(-1)} disabled={disabled}>
          <IconChevronUp size={14} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('find.next')}>
        <ActionIcon size="sm" variant="default" aria-label={t('find.next')} onClick={() => step(1)} disabled={disabled}>
          <IconChevronDown size={14} />
        </ActionIcon>
      </Tooltip>
    </>
  );
});

type ControlsProps = Pick<FindBarProps, 'state' | 'update' | 'hasSelection' | 'onShowShortcuts' | 'children'>;

/** Lineage, the view switch, export and the shortcut sheet (the page keeps `children` and the handlers stable). */
const FindBarControls = memo(function FindBarControls({ state, update, hasSelection, onShowShortcuts, children }: ControlsProps) {
  const { t } = useTranslation('graph');
  return (
    <>
      <Tooltip label={hasSelection ? t('find.lineageHint') : t('find.lineageNeedsSelection')}>
        <Switch
          size="xs"
          label={t('find.lineage')}
          checked={state.lineage}
          onChange={(e) => update({ lineage: e.currentTarget.checked })}
        />
      </Tooltip>
      <span style={{ flex: 1 }} />
      <SegmentedControl
        size="xs"
        aria-label={t('find.viewMode')}
        value={state.mode}
        onChange={(mode) => update({ mode })}
        data={[
          { value: 'graph', label: t('find.graph') },
          { value: 'timeline', label: t('find.timeline') },
          { value: 'table', label: t('find.table') },
        ]}
      />
      {children}
      <Tooltip label={t('find.shortcuts')}>
        <ActionIcon variant="default" aria-label={t('find.shortcuts')} onClick={onShowShortcuts}>
          <IconKeyboard size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  );
});
