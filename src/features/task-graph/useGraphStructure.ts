import { useState } from 'react';
import type { SubtaskInstance } from '../../api/schemas';
import { buildGraphStructure, type GraphStructure } from './model';

type Input = Pick<SubtaskInstance, 'id' | 'upstreams' | 'downstreams' | 'parallelIdx'>;

/** True when both lists describe the same graph (same ids, order, edges and parallel indexes). */
export function sameStructureInput(a: readonly Input[], b: readonly Input[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] as Input;
    // A poll keeps the object of every subtask it did not change (reuseUnchangedSubtasks).
    return (
      x === y ||
      (x.id === y.id && x.parallelIdx === y.parallelIdx && sameIds(x.upstreams, y.upstreams) && sameIds(x.downstreams, y.downstreams))
    );
  });
}

const sameIds = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((id, i) => id === b[i]));

/**
 * The graph structure, rebuilt only when the structure changed: a poll that only changes statuses
 * keeps the same object (and so the same hash, layout and edges) at the cost of one linear compare.
 */
export function useGraphStructure(subtasks: readonly SubtaskInstance[]): GraphStructure {
  const [memo, setMemo] = useState(() => ({ subtasks, structure: buildGraphStructure(subtasks) }));
  if (memo.subtasks === subtasks) return memo.structure;
  // Storing what the previous render saw, as React's docs recommend over refs for derived state.
  const structure = sameStructureInput(memo.subtasks, subtasks) ? memo.structure : buildGraphStructure(subtasks);
  setMemo({ subtasks, structure });
  return structure;
}
