/**
 * The task reply as a plain graph: node ids and deduplicated edges, from upstreams and downstreams;
 * `subtasks` keeps what the console's own model reads (normalised as its zod schema would).
 */

export function taskGraph(task) {
  const subtasks = task.subtasks ?? [];
  const ids = subtasks.map((s) => String(s.id));
  const known = new Set(ids);
  const seen = new Set();
  const edges = [];
  const add = (source, target) => {
    const key = `${source}->${target}`;
    if (seen.has(key) || !known.has(source) || !known.has(target)) return;
    seen.add(key);
    edges.push({ source, target });
  };
  for (const s of subtasks) {
    const id = String(s.id);
    for (const up of s.upstreams ?? []) add(String(up), id);
    for (const down of s.downstreams ?? s.downstream ?? []) add(id, String(down));
  }
  const normalised = subtasks.map((s) => ({
    id: String(s.id),
    upstreams: (s.upstreams ?? []).map(String),
    downstreams: (s.downstreams ?? s.downstream ?? []).map(String),
    parallelIdx: s.parallelIdx ?? s.paralleIdx ?? -1,
  }));
  return { nodes: ids, edges, subtasks: normalised };
}

/** Subtask id → status, to tell whether a poll's reply changed any status. */
export function statusMap(task) {
  return new Map((task.subtasks ?? []).map((s) => [String(s.id), s.status]));
}

export function changedStatuses(before, after) {
  let changed = 0;
  for (const [id, status] of after) if (before.get(id) !== status) changed++;
  return changed;
}
