import { ActionIcon, TextInput } from '@mantine/core';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { parseTaskId } from '../api/schemas';
import { taskIdProblem } from './taskIdProblem';

/** "Open task by id": validates before navigating, so a bad id never turns into a request. */
export function OpenTaskField() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [value, setValue] = useState('');
  // The rejected input, not its message: the message is worded at render, in the language on screen.
  const [rejected, setRejected] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = parseTaskId(value.trim());
    if (taskIdProblem(value) !== null || id === null) {
      setRejected(value);
      return;
    }
    setRejected(null);
    setValue('');
    navigate(`/tasks/${id}`);
  };
  const error = rejected === null ? null : (taskIdProblem(rejected) ?? t('taskId.notWhole'));

  return (
    <form onSubmit={submit} noValidate role="search" aria-label={t('openTask.label')}>
      <TextInput
        size="xs"
        w={{ base: 150, xs: 200, sm: 260 }}
        aria-label={t('openTask.label')}
        placeholder={t('openTask.label')}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          if (rejected !== null) setRejected(null);
        }}
        error={error}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={
          <ActionIcon type="submit" variant="subtle" size="sm" aria-label={t('openTask.submit')}>
            <IconArrowRight size={14} />
          </ActionIcon>
        }
        styles={{ error: { position: 'absolute', whiteSpace: 'nowrap' } }}
      />
    </form>
  );
}
