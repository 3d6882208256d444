import type { GraphLayout } from './geometry';
import type { GraphStructure } from './model';

export type WalkKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown';

export function isWalkKey(key: string): key is WalkKey {
  return key === 'ArrowRight' || key === 'ArrowLeft' || key === 'ArrowUp' || key === 'ArrowDown';
}

/**
 * Where an arrow key goes from subtask `from`, along the flow: Right to a downstream, Left to an
 * upstream (the one nearest in height when there are several), Up/Down to the neighbour in the same
 * column. Null when there is nowhere to go that way.
 */
export function walk(structure: GraphStructure, layout: GraphLayout, from: string, key: WalkKey): string | null {
  const at = layout.positions.get(from);
  if (!at) return null;
  const nearest = (ids: readonly string[]) => {
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const id of ids) {
      const p = layout.positions.get(id);
      if (!p) continue;
      const distance = Math.abs(p.y - at.y);
      if (distance < bestDistance) [best, bestDistance] = [id, distance];
    }
    return best;
  };
  if (key === 'ArrowRight') return nearest(structure.edges.filter((e) => e.source === from).map((e) => e.target));
  if (key === 'ArrowLeft') return nearest(structure.edges.filter((e) => e.target === from).map((e) => e.source));

  // Same column: same x. Up is the closest above, Down the closest below.
  // Positions also hold collapsed groups by group id: only subtasks are stops.
  const subtaskIds = new Set(structure.nodeIds);
  let best: string | null = null;
  let bestDy = Infinity;
  for (const [id, p] of layout.positions) {
    if (id === from || Math.abs(p.x - at.x) > 1 || !subtaskIds.has(id)) continue;
    const dy = key === 'ArrowDown' ? p.y - at.y : at.y - p.y;
    if (dy > 0 && dy < bestDy) [best, bestDy] = [id, dy];
  }
  return best;
}
