import { Anchor, Box, Group, Skeleton, Table, Text, UnstyledButton, useMatches } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { BasicTaskInstance } from '../../api/schemas';
import { formatDateTime } from '../../components/formatting';
import { TaskStatusBadge } from '../../components/StatusBadge';
import type { ListSort, SortKey } from './listSearch';

type ColumnKey = 'id' | 'name' | 'status' | 'progress' | 'operation' | 'type' | 'cluster' | 'tenant' | 'creator' | 'started';

interface Column {
  /** Also the header's catalog key, `list:columns.<key>`. */
  key: ColumnKey;
  /** Optional columns appear only when some task on the page has a value. */
  when?: (tasks: readonly BasicTaskInstance[]) => boolean;
  cell: (task: BasicTaskInstance) => ReactNode;
  /** Free-text columns wrap (never narrower than this) and share the spare width; the rest keep to one line. */
  wrapMinWidth?: number;
  /** Wraps between words only, never narrower than this (a date: "Dec 2, 2026," above "00:47:20 GMT+8"). */
  wordWrapMinWidth?: number;
  /** Shown only from this screen width up: a phone gets id, name and status without scrolling sideways. */
  from?: 'sm' | 'md' | 'lg';
  /** OCP can order the list by this column: its header is a button. */
  sortKey?: SortKey;
}

const taskHref = (t: BasicTaskInstance) => `/tasks/${t.id}`;
const dim = (s: string | undefined) =>
  s ? (
    <Text size="xs" ff="monospace">
      {s}
    </Text>
  ) : (
    <Text size="xs" c="dimmed">
      —
    </Text>
  );

const COLUMNS: Column[] = [
  {
    key: 'id',
    sortKey: 'id',
    cell: (t) => (
      <Anchor component={Link} to={taskHref(t)} ff="monospace" size="sm">
        {t.id}
      </Anchor>
    ),
  },
  {
    key: 'name',
    wrapMinWidth: 240,
    cell: (t) => (
      <>
        <Anchor component={Link} to={taskHref(t)} size="sm" fw={500} title={t.name} style={{ overflowWrap: 'anywhere' }}>
          {t.name}
        </Anchor>
        {/* A phone has no room for a Status column: the badge sits under the name. */}
        <Box hiddenFrom="sm" w="max-content" mt={4}>
          <TaskStatusBadge task={t} size="sm" />
        </Box>
      </>
    ),
  },
  {
    key: 'status',
    from: 'sm',
    // max-content: the badge truncates itself when squeezed, so the cell must not squeeze it.
    cell: (t) => (
      <Box w="max-content">
        <TaskStatusBadge task={t} size="sm" />
      </Box>
    ),
  },
  { key: 'progress', from: 'sm', when: (ts) => ts.some((t) => t.subtasks?.length), cell: progress },
  { key: 'operation', from: 'lg', cell: (t) => dim(t.operation) },
  { key: 'type', from: 'lg', cell: (t) => dim(t.type) },
  { key: 'cluster', from: 'md', wrapMinWidth: 140, when: (ts) => ts.some((t) => t.cluster), cell: (t) => t.cluster?.name ?? '—' },
  { key: 'tenant', from: 'md', wrapMinWidth: 140, when: (ts) => ts.some((t) => t.tenant), cell: (t) => t.tenant?.name ?? '—' },
  { key: 'creator', from: 'lg', cell: (t) => t.creator?.name ?? '—' },
  {
    key: 'started',
    from: 'sm',
    sortKey: 'startTime',
    wordWrapMinWidth: 120,
    cell: (t) => (
      <Text component="time" size="sm" dateTime={t.startTime} title={t.startTime}>
        {formatDateTime(t.startTime)}
      </Text>
    ),
  },
];

function cellStyle(c: Column) {
  if (c.wrapMinWidth) return { minWidth: `min(${c.wrapMinWidth}px, 40vw)`, overflowWrap: 'anywhere' as const };
  if (c.wordWrapMinWidth) return { minWidth: c.wordWrapMinWidth };
  return { whiteSpace: 'nowrap' as const };
}

function progress(t: BasicTaskInstance) {
  const subtasks = t.subtasks ?? [];
  if (subtasks.length === 0) return dim(undefined);
  const done = subtasks.filter((s) => s.status === 'SUCCESSFUL').length;
  return (
    <Text
      size="sm"
      style={{ fontVariantNumeric: 'tabular-nums' }}
      title={i18next.t('list:progressTitle', { done, total: subtasks.length })}
    >
      {done}/{subtasks.length}
    </Text>
  );
}

/** How the table is ordered, and how to ask for another order (a click on a sortable column's header). */
export interface TableSorting {
  sort: ListSort;
  onSort: (key: SortKey) => void;
}

/** One page of tasks; the id and name cells are real links, so rows work with keyboard, middle-click and copy-link. */
export function TaskTable({
  tasks,
  dimmed = false,
  sorting,
}: {
  tasks: readonly BasicTaskInstance[];
  dimmed?: boolean;
  sorting: TableSorting;
}) {
  const columns = COLUMNS.filter((c) => !c.when || c.when(tasks));
  return (
    <TableFrame columns={columns} dimmed={dimmed} sorting={sorting}>
      {tasks.map((t) => (
        <Table.Tr key={t.id}>
          {columns.map((c) => (
            <Table.Td key={c.key} style={cellStyle(c)} visibleFrom={c.from}>
              {c.cell(t)}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </TableFrame>
  );
}

/** Placeholder rows in the table's own shape while the first page loads. */
export function TaskTableSkeleton({ rows, sorting }: { rows: number; sorting: TableSorting }) {
  const columns = COLUMNS.filter((c) => !c.when);
  return (
    <TableFrame columns={columns} sorting={sorting} busy>
      {Array.from({ length: rows }, (_, i) => (
        <Table.Tr key={i}>
          {columns.map((c) => (
            <Table.Td key={c.key} visibleFrom={c.from}>
              <Skeleton h={14} my={3} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </TableFrame>
  );
}

function TableFrame({
  columns,
  children,
  sorting,
  dimmed = false,
  busy = false,
}: {
  columns: Column[];
  children: ReactNode;
  sorting: TableSorting;
  dimmed?: boolean;
  busy?: boolean;
}) {
  const { t } = useTranslation('list');
  // All columns need a laptop's width; a phone or tablet shows the important ones in its own width.
  const minWidth = useMatches({ base: 0, lg: 900 });
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table highlightOnHover aria-busy={busy || dimmed} style={{ opacity: dimmed ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const sortKey = c.sortKey;
              const sortedBy = sortKey !== undefined && sorting.sort.key === sortKey ? sorting.sort.direction : undefined;
              return (
                <Table.Th
                  key={c.key}
                  style={{ whiteSpace: 'nowrap' }}
                  visibleFrom={c.from}
                  aria-sort={sortedBy === undefined ? undefined : sortedBy === 'asc' ? 'ascending' : 'descending'}
                >
                  {sortKey === undefined ? (
                    t(`columns.${c.key}`)
                  ) : (
                    <SortButton label={t(`columns.${c.key}`)} direction={sortedBy} onClick={() => sorting.onSort(sortKey)} />
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A sortable column's header: its name and an arrow for the order; the cell's aria-sort says it to screen readers. */
function SortButton({ label, direction, onClick }: { label: string; direction: 'asc' | 'desc' | undefined; onClick: () => void }) {
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton onClick={onClick} fw="inherit" fz="inherit" c="inherit" style={{ borderRadius: 4 }}>
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} aria-hidden style={{ opacity: direction === undefined ? 0.55 : 1 }} />
      </Group>
    </UnstyledButton>
  );
}
