import { Button, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBTASK_STATUSES } from '../../api/schemas';
import { SUBTASK_STATUS_META, TASK_STATUS_META, type StatusMeta } from '../../components/status';
import { subtaskDisplayMeta } from '../../components/subtaskStatus';
import { DERIVED_FILTERS, type DerivedFilter, type StatusFilter } from './find';
import type { StatusCounts } from './model';
import classes from './TaskGraph.module.css';

interface LegendProps {
  counts: StatusCounts;
  derived: Record<DerivedFilter, number>;
  /** Picked statuses; empty shows everything. */
  selected: readonly StatusFilter[];
  onChange: (selected: StatusFilter[]) => void;
}

/** A derived state reads as its node does (colour, icon, word); the rollback's own progress as the task's. */
const metaOf = (f: StatusFilter): StatusMeta =>
  f === 'ROLLED_BACK' || f === 'ROLLBACK_SKIPPED'
    ? subtaskDisplayMeta(f)
    : f === 'ROLLING_BACK' || f === 'ROLLBACK_FAILED'
      ? TASK_STATUS_META[f]
      : SUBTASK_STATUS_META[f];

/**
 * Every status with icon, label, colour and count, so colour is never the only cue; each row is a
 * toggle that filters the view to the picked statuses (the rest dimmed). The rollback states OCP has
 * no status for are listed when the task has any.
 */
export function Legend({ counts, derived, selected, onChange }: LegendProps) {
  const { t } = useTranslation('graph');
  const toggle = (f: StatusFilter) => onChange(selected.includes(f) ? selected.filter((s) => s !== f) : [...selected, f]);
  const row = (f: StatusFilter, count: number) => {
    const meta = metaOf(f);
    const Icon = meta.icon;
    const vars = { '--status-color': meta.color, '--status-tint': meta.tint } as CSSProperties;
    const pressed = selected.includes(f);
    return (
      <button
        key={f}
        type="button"
        className={classes.legendButton}
        style={vars}
        aria-pressed={pressed}
        data-off={selected.length > 0 && !pressed}
        aria-label={t('legend.item', { status: meta.label, count })}
        onClick={() => toggle(f)}
      >
        <span className={classes.swatch} data-swatch aria-hidden />
        <Icon size={14} color={meta.color} aria-hidden />
        <Text span size="xs" style={{ flex: 1 }} className={classes.legendLabel}>
          {meta.label}
        </Text>
        <Text span size="xs" fw={700} data-testid={`legend-count-${f}`}>
          {count.toLocaleString()}
        </Text>
      </button>
    );
  };
  const derivedShown = DERIVED_FILTERS.filter((f) => derived[f] > 0 || selected.includes(f));
  return (
    <Stack gap={2} className={classes.legend} role="group" aria-label={t('legend.label')} title={t('legend.filterHint')}>
      {SUBTASK_STATUSES.map((s) => row(s, counts[s]))}
      {derivedShown.length > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('legend.derived')}
        </Text>
      )}
      {derivedShown.map((f) => row(f, derived[f]))}
      <Group gap={4} mt={4} wrap="nowrap">
        <Button size="compact-xs" variant="light" color="red" onClick={() => onChange(['FAILED'])} disabled={counts.FAILED === 0}>
          {t('legend.failedOnly')}
        </Button>
        {selected.length > 0 && (
          <Button size="compact-xs" variant="default" onClick={() => onChange([])}>
            {t('legend.clear')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
