import { compareSubtasks, type SubtaskInstance } from '../../api/schemas';

/**
 * What a rollback will do, computed the way OCP's engine does it (see the reference, "Rollback"):
 * every subtask that is not PENDING is undone; a subtask's rollback starts only once all its
 * downstreams are PENDING, so undoing runs in reverse topological order.
 */

/** Within one step the engine may start several undos; show the later ones in the flow first (higher seriesId, then higher id). */
function undoPriority(a: SubtaskInstance, b: SubtaskInstance): number {
  return compareSubtasks(b, a);
}

/**
 * The subtasks a rollback undoes, grouped in steps: each step holds the subtasks whose non-PENDING
 * downstreams were all undone in earlier steps, so the engine can undo them in parallel.
 * Linear in subtasks + edges. Edges are read from both `downstreams` and `upstreams` (either side
 * may be the only one filled); ids that are not part of the task are ignored. A malformed graph with
 * a cycle cannot be undone by the engine; its remaining subtasks end up in one last step rather than
 * being dropped or looping forever.
 */
export function rollbackWaves(subtasks: readonly SubtaskInstance[]): SubtaskInstance[][] {
  const toUndo = new Map<string, SubtaskInstance>();
  for (const s of subtasks) if (s.status !== 'PENDING') toUndo.set(s.id, s);

  // Only edges between two subtasks that are undone matter: a PENDING downstream never blocks.
  const downs = new Map<string, Set<string>>();
  const ups = new Map<string, Set<string>>();
  const link = (up: string, down: string) => {
    if (up === down || !toUndo.has(up) || !toUndo.has(down)) return;
    const d = downs.get(up) ?? new Set<string>();
    downs.set(up, d.add(down));
    const u = ups.get(down) ?? new Set<string>();
    ups.set(down, u.add(up));
  };
  for (const s of toUndo.values()) {
    for (const d of s.downstreams) link(s.id, d);
    for (const u of s.upstreams) link(u, s.id);
  }

  const blockers = new Map<string, number>();
  let wave: SubtaskInstance[] = [];
  for (const s of toUndo.values()) {
    const n = downs.get(s.id)?.size ?? 0;
    blockers.set(s.id, n);
    if (n === 0) wave.push(s);
  }

  const waves: SubtaskInstance[][] = [];
  let placed = 0;
  while (wave.length > 0) {
    wave.sort(undoPriority);
    waves.push(wave);
    placed += wave.length;
    const next: SubtaskInstance[] = [];
    for (const s of wave) {
      for (const upId of ups.get(s.id) ?? []) {
        const left = (blockers.get(upId) ?? 0) - 1;
        blockers.set(upId, left);
        const up = toUndo.get(upId);
        if (left === 0 && up) next.push(up);
      }
    }
    wave = next;
  }

  if (placed < toUndo.size) {
    const stuck = [...toUndo.values()].filter((s) => (blockers.get(s.id) ?? 0) > 0).sort(undoPriority);
    waves.push(stuck);
  }
  return waves;
}

/** The subtasks a rollback undoes, in the order the engine undoes them. */
export function rollbackPlan(subtasks: readonly SubtaskInstance[]): SubtaskInstance[] {
  return rollbackWaves(subtasks).flat();
}
