import { createContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBTASK_DISPLAY_STATUSES, subtaskDisplayMeta, type SubtaskDisplayStatus } from '../../components/subtaskStatus';

/** Every word a subtask node shows, in the language on screen. */
export interface NodeWords {
  status: Readonly<Record<SubtaskDisplayStatus, string>>;
  firstFailure: string;
  rollbackTag: string;
  duration: string;
  parallelTitle: (index: number) => string;
  run: (count: number) => string;
}

/**
 * Worded once per language by the graph, not by each node: a hundred nodes each asking i18next for
 * its namespaces and words were 7 % of the 100-subtask task's load in the profile (i18next's lookups
 * per `useTranslation` and per `t`). A language change gives a new value, so every node re-words.
 */
export const NodeWordsContext = createContext<NodeWords | null>(null);

export function useNodeWordsValue(): NodeWords {
  const { t } = useTranslation(['graph', 'detail']);
  return useMemo(
    () => ({
      status: Object.fromEntries(SUBTASK_DISPLAY_STATUSES.map((s) => [s, subtaskDisplayMeta(s).label])) as Record<
        SubtaskDisplayStatus,
        string
      >,
      firstFailure: t('detail:failure.first'),
      rollbackTag: t('graph:node.rollbackTag'),
      duration: t('graph:node.duration'),
      parallelTitle: (index: number) => t('graph:node.parallelTitle', { index }),
      run: (count: number) => t('graph:node.run', { count }),
    }),
    [t],
  );
}
