import { ActionIcon, TextInput } from '@mantine/core';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { parseTaskId } from '../api/schemas';
import { taskIdProblem } from './taskIdProblem';

/** "Open task by id": validates before navigating, so a bad id never turns into a request. */
export function OpenTaskField() {
  const [, navigate] = useLocation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = taskIdProblem(value);
    const id = parseTaskId(value.trim());
    if (problem !== null || id === null) {
      setError(problem ?? 'Task id must be a positive whole number');
      return;
    }
    setError(null);
    setValue('');
    navigate(`/tasks/${id}`);
  };

  return (
    <form onSubmit={submit} noValidate role="search" aria-label="Open task by id">
      <TextInput
        size="xs"
        w={260}
        aria-label="Open task by id"
        placeholder="Open task by id"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          if (error) setError(null);
        }}
        error={error}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={
          <ActionIcon type="submit" variant="subtle" size="sm" aria-label="Open task">
            <IconArrowRight size={14} />
          </ActionIcon>
        }
        styles={{ error: { position: 'absolute', whiteSpace: 'nowrap' } }}
      />
    </form>
  );
}
