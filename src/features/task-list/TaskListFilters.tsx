import { Button, CloseButton, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUS_META } from '../../components/status';
import { hasFilters, sortParam, SORTS, type ListSearch } from './listSearch';
import { LIST_STATUSES, type ListStatus } from './listStatus';
import { useDraftText } from './useDraftText';

interface Props {
  search: ListSearch;
  onChange: (patch: Partial<ListSearch>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

export function TaskListFilters({ search, onChange, onClear }: Props) {
  const { t } = useTranslation('list');
  // The badges' own words: a choice reads exactly like the status it finds.
  const statusOptions = LIST_STATUSES.map((s) => ({ value: s, label: t(TASK_STATUS_META[s].labelKey, { ns: 'common' }) }));
  const [name, setName] = useDraftText(search.name, (value) => onChange({ name: value }, { replace: true }));
  const sortOptions = SORTS.map((s) => ({ value: sortParam(s), label: t(`sort.${s.key}_${s.direction}`) }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t('filters.name')}
        placeholder={t('filters.namePlaceholder')}
        w={260}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={name ? <CloseButton size="sm" aria-label={t('filters.clearName')} onClick={() => setName('')} /> : null}
      />
      <MultiSelect<ListStatus>
        label={t('filters.status')}
        placeholder={search.statuses.length === 0 ? t('filters.anyStatus') : undefined}
        w={320}
        data={statusOptions}
        value={search.statuses}
        onChange={(statuses) => onChange({ statuses: LIST_STATUSES.filter((s) => statuses.includes(s)) })}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      {/* The table's headers sort from the small breakpoint up; below it the Started column is hidden. */}
      <Select
        hiddenFrom="sm"
        label={t('sort.label')}
        w={260}
        data={sortOptions}
        value={sortParam(search.sort)}
        onChange={(value) => {
          const sort = SORTS.find((s) => sortParam(s) === value);
          if (sort) onChange({ sort });
        }}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {hasFilters(search) && (
        <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
