import { Alert, Box, Button, EmptyState, Stack, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../api/schemas';
import { TASK_STATUS_META } from '../../components/status';
import type { ListStatus } from './listStatus';

/** “Rolled back” or “Running”: the choices in the badges' words, as one phrase of the language on screen. */
function useChoiceList() {
  const { t, i18n } = useTranslation('list');
  return (statuses: readonly (ListStatus | TaskStatus)[]) =>
    new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(
      statuses.map((s) => t('narrowed.quoted', { label: t(TASK_STATUS_META[s].labelKey, { ns: 'common' }) })),
    );
}

/**
 * Says that the console hid rows of this page, and why: OCP's filter only knows raw statuses, so a
 * rollback state (or Successful/Failed/Running without one) was asked for by its raw status and the page
 * narrowed here. Rendered inside a polite live region that the page keeps mounted.
 */
export function NarrowedNotice({
  shown,
  count,
  chosen,
  asked,
}: {
  shown: number;
  /** Rows OCP sent for this page. */
  count: number;
  chosen: readonly ListStatus[];
  /** The raw statuses OCP was asked for. */
  asked: readonly TaskStatus[];
}) {
  const { t } = useTranslation('list');
  const list = useChoiceList();
  return (
    <Alert color="blue" variant="light" radius="sm" py={6} icon={<IconFilter size={16} />} role="presentation">
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {t('narrowed.summary', { shown, count, chosen: list(chosen) })}
        </Text>
        <Text size="sm">{t('narrowed.why', { ocp: list(asked), count: count - shown })}</Text>
      </Stack>
    </Alert>
  );
}

/** The table's place when OCP sent rows for this page but none match: the matches may be on other pages. */
export function NoneOnThisPage({ onNextPage }: { onNextPage: (() => void) | undefined }) {
  const { t } = useTranslation('list');
  return (
    <Box py="xl">
      <EmptyState
        icon={<IconFilter size={28} />}
        withIndicatorBackground
        title={t('narrowed.noneTitle')}
        description={t('narrowed.noneHint')}
      >
        {onNextPage && (
          <EmptyState.Actions>
            <Button size="xs" variant="default" onClick={onNextPage}>
              {t('narrowed.nextPage')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Box>
  );
}
