import { Anchor, Badge, Group, Pagination, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../../api/schemas';
import { elapsedMs, formatDuration, formatNumber } from '../../../components/formatting';
import { SubtaskDisplayBadge } from '../../../components/StatusBadge';
import { subtaskDisplayStatus } from '../../../components/subtaskStatus';
import { TimeText } from '../../../components/TimeText';
import { useNow } from '../../../components/useNow';
import { useGraphSummary } from '../useGraphSummary';
import type { GraphFindInput } from '../useGraphFind';
import classes from './SubtaskTable.module.css';
import { pageCount, pageOf, TABLE_PAGE_SIZE, tableRows } from './tableRows';

export interface SubtaskTableProps {
  subtasks: readonly SubtaskInstance[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  find: GraphFindInput;
  live: boolean;
}

/**
 * The subtasks as a table: the accessible alternative to the canvas, and the quickest way to read a
 * big task row by row. Honours the search and the status filter (it narrows where the graph dims),
 * 100 rows a page; a row's name selects the subtask and opens its panel, as a node click does.
 */
export function SubtaskTable({ subtasks, selectedId, onSelect, find, live }: SubtaskTableProps) {
  const { t } = useTranslation('graph');
  const now = useNow(live);
  const { text: summary, firstFailureId } = useGraphSummary(subtasks);
  const rows = useMemo(() => tableRows(subtasks, find.matches, find.statuses), [subtasks, find.matches, find.statuses]);
  const pages = pageCount(rows.length);
  const [page, setPage] = useState(() => pageOf(rows, selectedId) ?? 1);
  // A selection made elsewhere (a link, the panel, a shortcut) turns to its page; a narrower filter
  // never leaves the table on a page that no longer exists.
  const [seen, setSeen] = useState(selectedId);
  if (seen !== selectedId) {
    setSeen(selectedId);
    const selectedPage = pageOf(rows, selectedId);
    if (selectedPage !== null) setPage(selectedPage);
  }
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * TABLE_PAGE_SIZE, current * TABLE_PAGE_SIZE);
  const narrowed = rows.length !== subtasks.length;

  return (
    <div className={classes.root} data-testid="subtask-table">
      <Text size="sm" px="md" pt="sm" className={classes.summary}>
        {summary}
      </Text>
      {narrowed && (
        <Text size="sm" px="md" pt={4} role="status" data-testid="table-narrowed">
          {t('table.narrowed', { count: rows.length, shown: formatNumber(rows.length), total: formatNumber(subtasks.length) })}
        </Text>
      )}
      <div className={classes.scroller}>
        <Table stickyHeader striped highlightOnHover verticalSpacing={6} fz="sm" className={classes.table}>
          <Table.Caption className={classes.caption}>
            {t('table.caption', {
              from: formatNumber(rows.length === 0 ? 0 : (current - 1) * TABLE_PAGE_SIZE + 1),
              to: formatNumber((current - 1) * TABLE_PAGE_SIZE + shown.length),
              total: formatNumber(rows.length),
            })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('table.column.id')}</Table.Th>
              <Table.Th scope="col">{t('table.column.name')}</Table.Th>
              <Table.Th scope="col">{t('table.column.status')}</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                {t('table.column.operation')}
              </Table.Th>
              <Table.Th scope="col" visibleFrom="md">
                {t('table.column.host')}
              </Table.Th>
              <Table.Th scope="col" visibleFrom="md">
                {t('table.column.started')}
              </Table.Th>
              <Table.Th scope="col" visibleFrom="xs">
                {t('table.column.duration')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((s) => {
              const selected = s.id === selectedId;
              return (
                <Table.Tr key={s.id} data-selected={selected || undefined} data-id={s.id} className={classes.row}>
                  <Table.Td className={classes.id}>{s.id}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor
                        component="button"
                        type="button"
                        ta="left"
                        size="sm"
                        aria-current={selected || undefined}
                        onClick={() => onSelect(s.id)}
                      >
                        {s.name}
                      </Anchor>
                      {s.id === firstFailureId && (
                        <Badge size="xs" color="red" variant="filled">
                          {t('table.firstFailure')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td className={classes.status}>
                    <SubtaskDisplayBadge status={subtaskDisplayStatus(s)} size="sm" />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{s.operation}</Table.Td>
                  <Table.Td visibleFrom="md">{s.executor ?? '—'}</Table.Td>
                  <Table.Td visibleFrom="md">
                    <TimeText iso={s.startTime} />
                  </Table.Td>
                  <Table.Td className={classes.number} visibleFrom="xs">
                    {formatDuration(elapsedMs(s.startTime, s.finishTime, now) ?? Number.NaN)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" p="md">
            {t('table.empty')}
          </Text>
        )}
      </div>
      {pages > 1 && (
        <Group justify="center" py={6} className={classes.pager}>
          <Pagination
            size="sm"
            total={pages}
            value={current}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`table.pager.${control}`) })}
            getItemProps={(n) => ({ 'aria-label': t('table.pager.page', { page: n }) })}
          />
        </Group>
      )}
    </div>
  );
}
