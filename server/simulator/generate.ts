import type { RunPlan, SubtaskSpec, TaskSpec } from './model.ts';
import { createRng, randInt, type Rng } from './rng.ts';

export interface LayeredTaskOptions {
  id: string;
  size: number;
  seed: number;
  /** FAILED: one subtask about 60% deep fails. RUNNING: nothing fails and runs last several minutes. */
  state: 'FAILED' | 'RUNNING';
  name?: string;
  /** Id of the first subtask; the rest are consecutive. */
  firstSubtaskId?: number;
}

const STAGES = ['Check host', 'Install package', 'Configure', 'Start service', 'Register', 'Verify', 'Sync config', 'Collect metrics'];
const OCP_SERVER = '172.16.8.21';

/** Runs of a RUNNING task last this long in total at 10 concurrent (ticks), whatever its size. */
const RUNNING_TARGET_TICKS = 360;

const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/**
 * A big task like OCP builds for a large cluster: a layered DAG about 40 wide with ~1.5 edges per
 * subtask, including parallel fan-out groups (siblings that share one upstream and one downstream
 * join, parallelIdx 0..k-1). Deterministic for a seed.
 */
export function generateLayeredTask(options: LayeredTaskOptions): TaskSpec {
  const { id, size, seed, state } = options;
  const rng = createRng(seed);
  const firstId = options.firstSubtaskId ?? 30_000_000 + Number(id) * 10_000;
  const subtasks: SubtaskSpec[] = [];
  const layers: number[][] = [];
  const add = (name: string, upstreams: number[], parallelIdx = -1): number => {
    const index = subtasks.length;
    subtasks.push({
      id: String(firstId + index),
      name,
      timeout: 1800,
      parallelIdx,
      upstreams: upstreams.map((u) => String(firstId + u)),
    });
    return index;
  };

  layers.push([add(`Prepare deployment of ${size} subtasks`, [])]);
  let groups: number[][] = []; // parallel groups of the previous layer, waiting for their join
  let hostNo = 1;
  for (let l = 1; subtasks.length < size; l++) {
    const prev = layers[l - 1] as number[];
    const inGroup = new Set(groups.flat());
    const free = prev.filter((i) => !inGroup.has(i));
    const width = Math.min(size - subtasks.length, randInt(rng, 30, 50));
    const layer: number[] = [];
    const stage = STAGES[l % STAGES.length] as string;

    for (const g of groups) if (layer.length < width) layer.push(add(`Wait for ${g.length} parallel ${stage.toLowerCase()} steps`, g));
    const pickable = free.length > 0 ? free : layer.slice(0, 1);
    const next: number[][] = [];
    const groupSize = randInt(rng, 4, 12);
    const room = width - layer.length;
    if (rng() < 0.5 && room > groupSize + 1 && subtasks.length + room < size) {
      const up = pickable[randInt(rng, 0, pickable.length - 1)] as number;
      const g: number[] = [];
      for (let i = 0; i < groupSize; i++) g.push(add(`Install OBServer on ${ip(hostNo++)}`, [up], i));
      layer.push(...g);
      next.push(g);
    }
    while (layer.length < width) {
      const pos = layer.length / width;
      const upCount = Math.min(pickable.length, weightedUpCount(rng));
      const ups = new Set<number>();
      while (ups.size < upCount) {
        const centre = Math.round(pos * (pickable.length - 1));
        const j = Math.max(0, Math.min(pickable.length - 1, centre + randInt(rng, -3, 3)));
        ups.add(pickable[j] as number);
      }
      layer.push(add(`${stage} on ${ip(hostNo++)}`, [...ups]));
    }
    layers.push(layer);
    groups = next;
  }

  const failIndex = state === 'FAILED' ? pickFailure(rng, layers, subtasks) : -1;
  // At 5,000 subtasks a run takes one or two ticks, so about 7 finish, 7 start and 7 become READY every
  // second: as busy as OCP's engine at full parallelism (10–30 status changes a second).
  const longest = Math.max(2, Math.min(119, Math.round((RUNNING_TARGET_TICKS * 20) / size) - 1));
  subtasks.forEach((s, i) => {
    // The root is quick so a RUNNING task is busy soon after a reset.
    const ticks = i === 0 ? 2 : state === 'RUNNING' ? randInt(rng, 1, longest) : randInt(rng, 1, 3);
    s.runs = i === failIndex ? failingRuns(ticks, s.name) : [{ ticks }];
    s.rollbackRuns = [{ ticks: randInt(rng, 1, 2) }];
  });

  return {
    id,
    name: options.name ?? `Deploy cluster obcluster-scale-${size}`,
    type: 'MANUAL',
    cluster: { id: 9000 + Math.round(size / 100), name: `obcluster-scale-${size}`, obClusterId: 1700000000 + size, type: 'PRIMARY' },
    creator: { id: 100, name: 'admin' },
    executor: OCP_SERVER,
    subtasks,
  };
}

/** 1 upstream 60%, 2 upstreams 30%, 3 upstreams 10%: 1.5 on average. */
function weightedUpCount(rng: Rng): number {
  const r = rng();
  return r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
}

function failingRuns(ticks: number, name: string): RunPlan[] {
  return [{ ticks, fail: true, error: `${name} failed: connection to the host timed out (ret=-4012)` }, { ticks }];
}

/** About 60% deep, preferably a member of a parallel group. */
function pickFailure(rng: Rng, layers: readonly number[][], subtasks: readonly SubtaskSpec[]): number {
  const depth = Math.max(1, Math.floor(layers.length * 0.6));
  for (let l = depth; l < layers.length; l++) {
    const parallel = (layers[l] as number[]).filter((i) => (subtasks[i]?.parallelIdx ?? -1) >= 0);
    if (parallel.length > 0) return parallel[randInt(rng, 0, parallel.length - 1)] as number;
  }
  const layer = layers[Math.min(depth, layers.length - 1)] as number[];
  return layer[randInt(rng, 0, layer.length - 1)] as number;
}

export interface HostStagesOptions {
  id: string;
  size: number;
  hosts: number;
  seed: number;
  /** Stage (0-based) and host whose run fails. */
  failAt: { stage: number; host: number };
  firstSubtaskId?: number;
}

const HOST_STAGES: readonly [string, string][] = [
  ['Check host', 'Precheck passed on all hosts'],
  ['Install OBServer on', 'Bootstrap cluster'],
  ['Initialize data directory on', 'Create sys tenant'],
  ['Start OBServer on', 'Wait for all OBServers online'],
  ['Register OBServer', 'Create resource units'],
  ['Deploy OCP agent on', 'Enable monitoring'],
  ['Configure log rotation on', 'Apply log settings'],
  ['Verify OBServer', 'Run cluster health check'],
  ['Collect metrics on', 'Register cluster in OCP'],
];

/**
 * A cluster deployment over many hosts, the way OCP lays it out: stage after stage, each a parallel
 * fan-out over every host (parallelIdx = host number) joined by one subtask.
 */
export function generateHostStagesTask(options: HostStagesOptions): TaskSpec {
  const { id, size, hosts, seed } = options;
  const rng = createRng(seed);
  const firstId = options.firstSubtaskId ?? 40_000_000;
  const subtasks: SubtaskSpec[] = [];
  const add = (name: string, upstreams: string[], extra: Partial<SubtaskSpec> = {}): string => {
    const sid = String(firstId + subtasks.length);
    subtasks.push({ id: sid, name, timeout: 3600, upstreams, runs: [{ ticks: randInt(rng, 1, 3) }], ...extra });
    return sid;
  };

  let join = add(`Precheck deployment parameters for ${hosts} hosts`, []);
  for (let stage = 0; size - subtasks.length >= 2; stage++) {
    const [step, joinName] = HOST_STAGES[stage % HOST_STAGES.length] as [string, string];
    const width = Math.min(hosts, size - subtasks.length - 1);
    const fanned: string[] = [];
    for (let h = 0; h < width; h++) {
      const name = `${step} 10.20.${Math.floor(h / 250)}.${(h % 250) + 1}`;
      const fails = stage === options.failAt.stage && h === options.failAt.host;
      fanned.push(add(name, [join], { parallelIdx: h, ...(fails ? { runs: failingRuns(2, name) } : {}) }));
    }
    join = add(subtasks.length + 1 < size ? joinName : 'Finish deployment', fanned);
  }
  if (subtasks.length < size) add('Finish deployment', [join]);
  return {
    id,
    name: `Deploy cluster obcluster-large over ${hosts} hosts`,
    cluster: { id: 11, name: 'obcluster-large', obClusterId: 1712000001, type: 'PRIMARY' },
    creator: { id: 100, name: 'admin' },
    executor: OCP_SERVER,
    subtasks,
  };
}
