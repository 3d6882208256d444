import { Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBTASK_STATUSES } from '../../api/schemas';
import { SUBTASK_STATUS_META } from '../../components/status';
import type { StatusCounts } from './model';
import classes from './TaskGraph.module.css';

/** All six statuses with icon, label, colour and count, so colour is never the only cue. */
export function Legend({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation('graph');
  return (
    <Stack gap={2} className={classes.legend} aria-label={t('legend.label')} role="list">
      {SUBTASK_STATUSES.map((status) => {
        const meta = SUBTASK_STATUS_META[status];
        const Icon = meta.icon;
        const vars = { '--status-color': meta.color, '--status-tint': meta.tint } as CSSProperties;
        return (
          <div key={status} className={classes.legendItem} style={vars} role="listitem" aria-label={t('legend.item', { status: meta.label, count: counts[status] })}>
            <span className={classes.swatch} data-swatch aria-hidden />
            <Icon size={14} color={meta.color} aria-hidden />
            <Text span size="xs" style={{ flex: 1 }}>
              {meta.label}
            </Text>
            <Text span size="xs" fw={700} data-testid={`legend-count-${status}`}>
              {counts[status]}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}
