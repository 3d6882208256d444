import { Anchor, Group, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { SubtaskInstance } from '../../api/schemas';
import { SubtaskStatusBadge } from '../../components/StatusBadge';

/** A fan-out can have thousands of neighbours; list the first ones and let the operator ask for the rest. */
const INITIAL_LIMIT = 50;

interface SubtaskLinksProps {
  label: string;
  ids: readonly string[];
  byId: ReadonlyMap<string, SubtaskInstance>;
  onSelect: (id: string) => void;
}

/** Upstreams or downstreams as buttons (name + status) that select that subtask. */
export function SubtaskLinks({ label, ids, byId, onSelect }: SubtaskLinksProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? ids : ids.slice(0, INITIAL_LIMIT);
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {label} ({ids.length})
      </Text>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((id) => {
            const s = byId.get(id);
            return (
              <li key={id}>
                {s ? (
                  <UnstyledButton
                    onClick={() => onSelect(id)}
                    py={2}
                    px={4}
                    w="100%"
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  >
                    <Group gap="xs" wrap="nowrap" miw={0}>
                      <span style={{ flexShrink: 0 }}>
                        <SubtaskStatusBadge status={s.status} size="sm" />
                      </span>
                      <Text size="sm" truncate="end" miw={0} c="var(--mantine-color-anchor)">
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
                        #{id}
                      </Text>
                    </Group>
                  </UnstyledButton>
                ) : (
                  <Text size="sm" c="dimmed" px={4}>
                    #{id} (not part of this task)
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < ids.length && (
        <Anchor component="button" type="button" size="sm" onClick={() => setShowAll(true)}>
          Show all {ids.length.toLocaleString('en-US')}
        </Anchor>
      )}
    </div>
  );
}
