import { createEngine, type Engine } from './engine.ts';
import type { EndpointName } from './routes.ts';
import { SavedTaskError, type SavedTask } from './savedTasks.ts';
import { installScenarios, SCENARIOS, type ScenarioListing } from './scenarios.ts';
import { loadTaskFolder, type FolderTask } from './taskFolder.ts';

export interface SimulatorConfig {
  /** HTTP Basic auth with the users admin/admin (TASK_MANAGER) and viewer/viewer (TASK_VIEWER). */
  auth: boolean;
  /** Real milliseconds per engine tick. */
  tickMs: number;
}

export interface SimulatorOptions {
  /**
   * `SIM_AUTH=1` turns auth on; `SIM_TICK_MS` sets the tick; `SIM_TASKS_DIR` is a folder whose `*.json`
   * task files are installed as extra scenarios (a bad file throws, naming it). Explicit options win over env.
   */
  env?: Record<string, string | undefined>;
  auth?: boolean;
  tickMs?: number;
  now?: () => number;
  seed?: number;
}

/**
 * How a faulty OCP answers: `status` an OCP error with that 5xx status; `applied` carries the request
 * out and then answers with that 5xx status anyway (a gateway or a late exception after the engine
 * acted: the console must not believe the status alone); `hang` never answers;
 * `stall` sends the headers and half a body, then goes silent; `cut` sends half a body and drops the
 * connection; `redirect` a 302 to OCP's login page (absolute, internal URL); `html` a 200 login page.
 */
export type FaultKind = 'status' | 'applied' | 'hang' | 'stall' | 'cut' | 'redirect' | 'html';

export interface Fault {
  method: 'GET' | 'POST' | undefined;
  path: string;
  kind: FaultKind;
  /** For `status` and `applied`: 500, 502 or 503. */
  status: 500 | 502 | 503;
  count: number;
}

/** The simulator's mutable state: the engine with its scenarios, auth, injected faults and counters. */
export interface Simulator {
  readonly engine: Engine;
  readonly config: Readonly<SimulatorConfig>;
  now(): number;
  /**
   * Fresh engine with every scenario in its initial state as of now; unset fields go back to the start-up
   * config. Saved tasks (SIM_TASKS_DIR, uploads) are installed again as saved; `dropUploads` forgets the uploads.
   */
  reset(overrides?: Partial<SimulatorConfig>, options?: { dropUploads?: boolean }): void;
  /**
   * Installs a saved task as a scenario, now and on every reset; a task with the same id uploaded (or
   * loaded from SIM_TASKS_DIR) before is replaced. Throws SavedTaskError 409 for a built-in scenario's id.
   */
  upload(task: SavedTask): { replaced: boolean };
  /** The built-in scenarios, then the saved tasks (`file:<id>`). */
  scenarios(): ScenarioListing[];
  addFault(fault: Fault): void;
  /** The fault that answers this request instead of the API, if one is pending (and uses it up). */
  takeFault(method: string, path: string): Fault | undefined;
  /** Counts a request that arrived at a counted endpoint (every POST, and log reads) for `target` (`task` or `task/subtask`). */
  countRequest(endpoint: EndpointName, target: string): void;
  /** Requests per endpoint and target, since the last reset: `{ subtaskRetry: { "1001/2010007": 1 } }`. */
  readonly requests: Readonly<Partial<Record<EndpointName, Record<string, number>>>>;
  /** Counts every /api request that arrived: lets tests prove a refused request never reached "OCP". */
  countApiRequest(): void;
  readonly apiRequests: number;
}

export function readSimulatorConfig(options: SimulatorOptions): SimulatorConfig {
  const env = options.env ?? {};
  const envTick = Number(env.SIM_TICK_MS);
  return {
    auth: options.auth ?? (env.SIM_AUTH === '1' || env.SIM_AUTH === 'true'),
    tickMs: options.tickMs ?? (Number.isFinite(envTick) && envTick > 0 ? envTick : 1000),
  };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const initial = readSimulatorConfig(options);
  const now = options.now ?? Date.now;
  const folderDir = options.env?.SIM_TASKS_DIR?.trim() || undefined;
  const folder: readonly FolderTask[] = folderDir ? loadTaskFolder(folderDir) : [];
  const uploads = new Map<string, SavedTask>();
  let config = initial;
  let engine: Engine;
  let faults: Fault[] = [];
  let requests: Partial<Record<EndpointName, Record<string, number>>> = {};
  let apiRequests = 0;

  /** Folder tasks, then uploads; an upload with a folder task's id replaces it. */
  const saved = (): SavedTask[] => [...folder.filter((f) => !uploads.has(f.task.spec.id)).map((f) => f.task), ...uploads.values()];

  const reset: Simulator['reset'] = (overrides = {}, { dropUploads = false } = {}) => {
    config = { ...initial, ...overrides };
    engine = createEngine({ now, tickMs: config.tickMs, seed: options.seed ?? 1 });
    installScenarios(engine, now());
    if (dropUploads) uploads.clear();
    for (const t of saved()) engine.restore(t.spec, t.snapshot);
    faults = [];
    requests = {};
    apiRequests = 0;
  };
  reset();

  return {
    get engine() {
      return engine;
    },
    get config() {
      return config;
    },
    get requests() {
      return requests;
    },
    get apiRequests() {
      return apiRequests;
    },
    countApiRequest: () => void apiRequests++,
    now,
    reset,
    upload(task) {
      const { id } = task.spec;
      const builtIn = SCENARIOS.find((s) => s.id === id);
      if (builtIn) {
        throw new SavedTaskError(
          `Task id ${id} is the built-in scenario "${builtIn.key}" (${builtIn.title}); change the id in the file to install it beside it.`,
          409,
          { field: 'id' },
        );
      }
      const replaced = engine.remove(id);
      try {
        engine.restore(task.spec, task.snapshot);
      } catch (e) {
        // The engine's own checks (savedTasks.ts words the usual ones first); what was installed before stays.
        engine.remove(id);
        const earlier = uploads.get(id) ?? folder.find((f) => f.task.spec.id === id)?.task;
        if (replaced && earlier) engine.restore(earlier.spec, earlier.snapshot);
        throw new SavedTaskError(`Task ${id} cannot be installed: ${e instanceof Error ? e.message : String(e)}`);
      }
      uploads.set(id, task);
      return { replaced };
    },
    scenarios() {
      const files = new Map(folder.filter((f) => !uploads.has(f.task.spec.id)).map((f) => [f.task.spec.id, f.file]));
      return [...SCENARIOS, ...saved().map((t) => savedListing(t, files.get(t.spec.id)))];
    },
    addFault: (fault) => void faults.push({ ...fault }),
    takeFault(method, path) {
      const fault = faults.find((f) => f.path === path && (f.method === undefined || f.method === method));
      if (!fault) return undefined;
      if (--fault.count <= 0) faults = faults.filter((f) => f !== fault);
      return fault;
    },
    countRequest(endpoint, target) {
      const counts = (requests[endpoint] ??= {});
      counts[target] = (counts[target] ?? 0) + 1;
    },
  };
}

function savedListing(t: SavedTask, file: string | undefined): ScenarioListing {
  const where = file === undefined ? 'uploaded with POST /__simulator/tasks' : `from SIM_TASKS_DIR (${file})`;
  const n = t.spec.subtasks.length;
  return {
    id: t.spec.id,
    key: `file:${t.spec.id}`,
    title: `Saved task ${where}: "${t.spec.name}", ${t.snapshot.status}, ${n} subtask${n === 1 ? '' : 's'}`,
  };
}
