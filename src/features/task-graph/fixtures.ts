/**
 * Deterministic OCP-like subtask graphs for tests and the layout benchmark (never imported by the app).
 * Shape: a pipeline of stages; a stage is a single step, a parallel fan-out over hosts (same upstream and
 * downstream, parallelIdx 0..k-1), or per-host chains (host i: step 1 → 2 → 3, not groupable), with
 * an occasional skip edge from an earlier step, as OCP's cluster deployment templates produce.
 */
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';

export interface GenerateOptions {
  /** Approximate number of subtasks; the generator stops at the first stage boundary at or past it. */
  count: number;
  seed?: number;
  /** 'ocp': fan-outs and chains as above; 'random': a layered random DAG with no parallel groups. */
  shape?: 'ocp' | 'random';
  /** Where the run stopped: everything before the failure point SUCCESSFUL, then one FAILED (or RUNNING). */
  state?: 'FAILED' | 'RUNNING';
}

interface Draft {
  id: string;
  name: string;
  parallelIdx: number;
  upstreams: string[];
  downstreams: string[];
}

export function generateSubtasks({ count, seed = 1, shape = 'ocp', state = 'FAILED' }: GenerateOptions): SubtaskInstance[] {
  const random = createRng(seed);
  const drafts = shape === 'ocp' ? ocpShape(count, random) : randomShape(count, random);
  const failAt = Math.floor(drafts.length * 0.4);
  return drafts.map((d, i) => finish(d, i, i < failAt ? 'SUCCESSFUL' : i === failAt ? state : 'PENDING'));
}

function ocpShape(count: number, random: () => number): Draft[] {
  const drafts: Draft[] = [];
  const add = (name: string, parallelIdx = -1): Draft => {
    const d: Draft = { id: String(1000 + drafts.length), name, parallelIdx, upstreams: [], downstreams: [] };
    drafts.push(d);
    return d;
  };
  const link = (from: Draft, to: Draft) => {
    from.downstreams.push(to.id);
    to.upstreams.push(from.id);
  };
  let tails: Draft[] = [add('Check cluster parameters')];
  const singles: Draft[] = [...tails];
  let stage = 0;
  while (drafts.length < count) {
    stage += 1;
    const hosts = 2 + Math.floor(random() * Math.min(200, Math.max(4, count / 12)));
    const kind = random();
    if (kind < 0.35) {
      const step = add(`Stage ${stage}: prepare`);
      for (const t of tails) link(t, step);
      if (singles.length > 2 && random() < 0.3) link(singles[Math.floor(random() * (singles.length - 1))] as Draft, step);
      singles.push(step);
      tails = [step];
    } else if (kind < 0.75) {
      const join = tails.length === 1 ? (tails[0] as Draft) : add(`Stage ${stage}: sync`);
      if (join !== tails[0]) for (const t of tails) link(t, join);
      tails = Array.from({ length: hosts }, (_, i) => {
        const d = add(`Stage ${stage}: install OBServer on 10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, i);
        link(join, d);
        return d;
      });
    } else {
      const length = 2 + Math.floor(random() * 3);
      const from = tails;
      tails = Array.from({ length: Math.min(hosts, 60) }, (_, i) => {
        let prev: Draft | null = null;
        for (let s = 0; s < length; s++) {
          const d = add(`Stage ${stage}.${s + 1}: host 10.1.0.${i + 1}`, i);
          if (prev) link(prev, d);
          else for (const t of from) if (from.length < 8 || t === from[i % from.length]) link(t, d);
          prev = d;
        }
        return prev as Draft;
      });
    }
  }
  const end = add('Finish task');
  for (const t of tails) link(t, end);
  return drafts;
}

function randomShape(count: number, random: () => number): Draft[] {
  const width = Math.max(2, Math.round(Math.sqrt(count)));
  const drafts: Draft[] = Array.from({ length: count }, (_, i) => ({
    id: String(1000 + i),
    name: `Step ${i + 1}`,
    parallelIdx: -1,
    upstreams: [],
    downstreams: [],
  }));
  drafts.forEach((d, i) => {
    if (i < width) return;
    const layerStart = Math.floor(i / width) * width;
    const parents = 1 + Math.floor(random() * 3);
    for (let p = 0; p < parents; p++) {
      const from = drafts[Math.floor(random() * layerStart)] as Draft;
      if (d.upstreams.includes(from.id)) continue;
      d.upstreams.push(from.id);
      from.downstreams.push(d.id);
    }
  });
  return drafts;
}

function finish(d: Draft, i: number, status: SubtaskStatus): SubtaskInstance {
  const base = Date.UTC(2024, 0, 1, 8, 0, 0) + i * 2_000;
  return {
    id: d.id,
    seriesId: i + 1,
    name: d.name,
    description: d.name,
    timeout: 600,
    status,
    operation: 'EXECUTE',
    runTime: status === 'PENDING' ? 0 : 1,
    parallelIdx: d.parallelIdx,
    upstreams: d.upstreams,
    downstreams: d.downstreams,
    prohibitRollback: false,
    createTime: new Date(base).toISOString(),
    ...(status !== 'PENDING' ? { startTime: new Date(base + 500).toISOString() } : {}),
    ...(status === 'SUCCESSFUL' || status === 'FAILED' ? { finishTime: new Date(base + 1_500).toISOString() } : {}),
  };
}

/** mulberry32, the same seeded PRNG as the simulator's (which src/ may not import), so graphs match across runs. */
function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
