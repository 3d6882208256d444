import { Button } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

/** The Follow switch, shown only while the task runs: pressed, the running subtasks stay in view. */
export function FollowToggle({ following, onChange }: { following: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('detail');
  return (
    <Panel position="top-center">
      <Button
        size="xs"
        variant={following ? 'filled' : 'default'}
        leftSection={following ? <IconEye size={14} aria-hidden /> : <IconEyeOff size={14} aria-hidden />}
        aria-pressed={following}
        title={t('follow.hint')}
        onClick={() => onChange(!following)}
      >
        {t('follow.label')}
      </Button>
    </Panel>
  );
}
