import type { RunPlan, SubtaskSpec } from './model.ts';

type Extra = Partial<Omit<SubtaskSpec, 'id' | 'name' | 'upstreams'>>;

/** A small helper to write hand-made scenario graphs readably: subtasks get consecutive ids. */
export function dagBuilder(firstId: number, defaults: Extra = {}) {
  let next = firstId;
  const subtasks: SubtaskSpec[] = [];
  const add = (name: string, after: string | readonly string[] = [], extra: Extra = {}): string => {
    const id = String(next++);
    subtasks.push({ timeout: 600, ...defaults, ...extra, id, name, upstreams: typeof after === 'string' ? [after] : after });
    return id;
  };
  return {
    subtasks,
    add,
    /** Parallel siblings of one upstream: parallelIdx 0..n-1. */
    parallel(names: readonly string[], after: string | readonly string[], extra: (i: number) => Extra = () => ({})): string[] {
      return names.map((name, i) => add(name, after, { ...extra(i), parallelIdx: i }));
    },
  };
}

export const takes = (ticks: number): { runs: RunPlan[] } => ({ runs: [{ ticks }] });

/** Fails on its first run after `ticks`; a retry succeeds. */
export const failsAfter = (ticks: number, error: string): { runs: RunPlan[] } => ({
  runs: [{ ticks, fail: true, error }, { ticks }],
});
