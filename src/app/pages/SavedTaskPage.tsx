import { Alert, Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatBytes } from '../../components/formatting';
import { OpenTaskFileButton } from '../../features/saved-task/OpenTaskFileButton';
import { useSavedTask, type SavedTask } from '../../features/saved-task/savedTaskStore';
import { useDocumentTitle } from '../useDocumentTitle';
import { TaskScreen } from './TaskScreen';
import { useSelectedSubtask } from './useSelectedSubtask';

/**
 * `/saved`: a task read from a file, for a postmortem away from OCP. Everything that reads the task
 * works (graph, timeline, table, search, filters, export); nothing is sent to OCP: no actions, no
 * log, no polling.
 */
export function SavedTaskPage() {
  const saved = useSavedTask();
  if (!saved) return <NoSavedTask />;
  // Keyed: another file starts with a fresh view.
  return <SavedTaskView key={saved.openedAt} saved={saved} />;
}

function SavedTaskView({ saved }: { saved: SavedTask }) {
  const { t } = useTranslation();
  const { task } = saved;
  const [selected, select] = useSelectedSubtask();
  useDocumentTitle(t('title.saved', { id: task.id, name: task.name }));
  return (
    <TaskScreen
      task={task}
      selected={selected}
      select={select}
      actions={
        <Badge variant="outline" color="gray" size="lg" style={{ flexShrink: 0 }} leftSection={<IconFileImport size={14} aria-hidden />}>
          {t('saved.readOnly')}
        </Badge>
      }
      notice={
        <Alert color="blue" variant="light" radius={0} py={6} data-testid="saved-notice">
          <Text size="sm">
            <Trans
              t={t}
              i18nKey="saved.notice"
              values={{ file: saved.fileName, size: formatBytes(saved.size), id: task.id }}
              components={{
                file: <Text span ff="monospace" size="sm" />,
                live: <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" />,
              }}
            />
          </Text>
        </Alert>
      }
      renderLog={() => (
        <Text size="sm" c="dimmed" data-testid="saved-no-log">
          {t('saved.noLog')}
        </Text>
      )}
    />
  );
}

function NoSavedTask() {
  const { t } = useTranslation();
  useDocumentTitle(t('title.savedNone'));
  return (
    <Stack maw={640} mx="auto" p="xl" gap="md" align="flex-start">
      <Title order={1} size="h2">
        {t('saved.emptyTitle')}
      </Title>
      <Text>{t('saved.emptyBody')}</Text>
      <Text size="sm" c="dimmed">
        {t('saved.emptyForms')}
      </Text>
      <OpenTaskFileButton variant="button" />
      <Text size="sm" c="dimmed">
        {t('saved.emptyKept')}
      </Text>
    </Stack>
  );
}
