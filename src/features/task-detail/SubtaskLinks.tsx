import { Anchor, Group, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { SubtaskDisplayBadge } from '../../components/StatusBadge';
import { subtaskDisplayStatus } from '../../components/subtaskStatus';

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
  const { t } = useTranslation('detail');
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? ids : ids.slice(0, INITIAL_LIMIT);
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t('panel.linksHeading', { label, count: ids.length })}
      </Text>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('panel.linksNone')}
        </Text>
      ) : (
        <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((id) => {
            const s = byId.get(id);
            return (
              <li key={id}>
                {s ? (
                  <UnstyledButton onClick={() => onSelect(id)} py={2} px={4} w="100%" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                    <Group gap="xs" wrap="nowrap" miw={0}>
                      <span style={{ flexShrink: 0 }}>
                        <SubtaskDisplayBadge status={subtaskDisplayStatus(s)} size="sm" />
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
                    {t('panel.linkUnknown', { id })}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < ids.length && (
        <Anchor component="button" type="button" size="sm" onClick={() => setShowAll(true)}>
          {t('panel.showAll', { count: ids.length })}
        </Anchor>
      )}
    </div>
  );
}
