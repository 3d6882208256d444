import { createEngine, type Engine } from './engine.ts';
import type { EndpointName } from './routes.ts';
import { installScenarios } from './scenarios.ts';

export interface SimulatorConfig {
  /** HTTP Basic auth with the users admin/admin (TASK_MANAGER) and viewer/viewer (TASK_VIEWER). */
  auth: boolean;
  /** Real milliseconds per engine tick. */
  tickMs: number;
}

export interface SimulatorOptions {
  /** `SIM_AUTH=1` turns auth on; `SIM_TICK_MS` sets the tick. Explicit options win over env. */
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
  /** Fresh engine with every scenario in its initial state as of now; unset fields go back to the start-up config. */
  reset(overrides?: Partial<SimulatorConfig>): void;
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
  let config = initial;
  let engine: Engine;
  let faults: Fault[] = [];
  let requests: Partial<Record<EndpointName, Record<string, number>>> = {};
  let apiRequests = 0;

  const reset = (overrides: Partial<SimulatorConfig> = {}) => {
    config = { ...initial, ...overrides };
    engine = createEngine({ now, tickMs: config.tickMs, seed: options.seed ?? 1 });
    installScenarios(engine, now());
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
