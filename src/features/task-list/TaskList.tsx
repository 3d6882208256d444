import { Box, Button, EmptyState, Group, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiErrorState } from '../../components/ErrorState';
import { pollFailure } from '../../components/pollFailure';
import { StaleDataWarning } from '../../components/StaleDataWarning';
import { hasFilters, nextSort, PAGE_SIZES, toListParams, type SortKey } from './listSearch';
import { narrowPage, ocpStatuses } from './listStatus';
import { NarrowedNotice, NoneOnThisPage } from './NarrowedNotice';
import { TaskListFilters } from './TaskListFilters';
import { TaskTable, TaskTableSkeleton } from './TaskTable';
import { useListSearch } from './useListSearch';
import { useTaskInstances } from '../../api/taskInstances';

const SIZE_OPTIONS = PAGE_SIZES.map(String);

/** `/`: the tasks OCP knows, newest first unless another order is chosen, filtered, ordered and paged through the URL. */
export function TaskList() {
  const { t } = useTranslation('list');
  const { search, update, clearFilters } = useListSearch();
  const query = useTaskInstances(toListParams(search));
  const { data, refetch, isFetching } = query;
  const retry = () => void refetch();
  const failure = pollFailure(query);
  const sorting = { sort: search.sort, onSort: (key: SortKey) => update({ sort: nextSort(search.sort, key) }) };
  // OCP filters by raw status only; a rollback state (and a plain one beside it) is narrowed here.
  const { shown, hidden } = narrowPage(data?.contents ?? [], search.statuses);
  const pageCount = data?.page.totalPages ?? 0;

  let body;
  if (data === undefined) {
    body = query.isError ? (
      <ApiErrorState error={query.error} onRetry={retry} retrying={isFetching} />
    ) : (
      <TaskTableSkeleton rows={Math.min(search.size, 10)} sorting={sorting} />
    );
  } else if (data.contents.length === 0) {
    body = <EmptyList filtered={hasFilters(search)} page={search.page} onClear={clearFilters} onFirstPage={() => update({ page: 1 })} />;
  } else if (shown.length === 0) {
    body = <NoneOnThisPage onNextPage={search.page < pageCount ? () => update({ page: search.page + 1 }) : undefined} />;
  } else {
    body = <TaskTable tasks={shown} dimmed={query.isPlaceholderData} sorting={sorting} />;
  }

  const pageInfo = data?.page;
  const first = pageInfo ? (search.page - 1) * search.size + 1 : 0;
  const last = pageInfo ? Math.min(first + (data?.contents.length ?? 0) - 1, pageInfo.totalElements) : 0;

  return (
    <Stack gap="sm" p="md" maw={1600} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('title')}</Title>
        <TaskListFilters search={search} onChange={update} onClear={clearFilters} />
      </Group>
      {data !== undefined && failure != null && (
        <StaleDataWarning
          error={failure}
          dataUpdatedAt={query.dataUpdatedAt}
          polling={data.contents.some((t) => t.status === 'RUNNING')}
          onRetry={retry}
        />
      )}
      {/* Kept mounted so a notice appearing is announced; placeholder rows (the previous filter's) say nothing. */}
      <div role="status">
        {data !== undefined && hidden > 0 && !query.isPlaceholderData && (
          <NarrowedNotice shown={shown.length} count={data.contents.length} chosen={search.statuses} asked={ocpStatuses(search.statuses)} />
        )}
      </div>
      <Paper withBorder radius="sm">
        {body}
      </Paper>
      {pageInfo && pageInfo.totalElements > 0 && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {last >= first ? t('range', { first, last, total: pageInfo.totalElements }) : t('total', { count: pageInfo.totalElements })}
          </Text>
          <Group gap="md">
            <Pagination
              size="sm"
              total={Math.max(pageInfo.totalPages, 1)}
              value={search.page}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': t(`pageControl.${control}`) })}
            />
            <Group gap={6}>
              <Text size="sm" c="dimmed" component="label" htmlFor="task-list-page-size">
                {t('perPage')}
              </Text>
              <Select
                id="task-list-page-size"
                w={72}
                data={SIZE_OPTIONS}
                value={String(search.size)}
                onChange={(v) => v && update({ size: Number(v) })}
                allowDeselect={false}
              />
            </Group>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

function EmptyList({
  filtered,
  page,
  onClear,
  onFirstPage,
}: {
  filtered: boolean;
  page: number;
  onClear: () => void;
  onFirstPage: () => void;
}) {
  const { t } = useTranslation('list');
  const beyondEnd = page > 1;
  return (
    <Box py="xl">
      <EmptyState
        icon={<IconListSearch size={28} />}
        withIndicatorBackground
        title={beyondEnd ? t('empty.beyondEnd', { page }) : filtered ? t('empty.filtered') : t('empty.none')}
        description={beyondEnd ? t('empty.beyondEndHint') : filtered ? t('empty.filteredHint') : t('empty.noneHint')}
      >
        <EmptyState.Actions>
          {beyondEnd ? (
            <Button size="xs" variant="default" onClick={onFirstPage}>
              {t('empty.firstPage')}
            </Button>
          ) : (
            filtered && (
              <Button size="xs" variant="default" onClick={onClear}>
                {t('filters.clear')}
              </Button>
            )
          )}
        </EmptyState.Actions>
      </EmptyState>
    </Box>
  );
}
