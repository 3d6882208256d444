import { createEngine, type Engine } from './engine.ts';
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

export interface Fault {
  method: 'GET' | 'POST' | undefined;
  path: string;
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
  countRollback(taskId: string): void;
  readonly rollbackRequests: Readonly<Record<string, number>>;
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
  let rollbackRequests: Record<string, number> = {};

  const reset = (overrides: Partial<SimulatorConfig> = {}) => {
    config = { ...initial, ...overrides };
    engine = createEngine({ now, tickMs: config.tickMs, seed: options.seed ?? 1 });
    installScenarios(engine, now());
    faults = [];
    rollbackRequests = {};
  };
  reset();

  return {
    get engine() {
      return engine;
    },
    get config() {
      return config;
    },
    get rollbackRequests() {
      return rollbackRequests;
    },
    now,
    reset,
    addFault: (fault) => void faults.push({ ...fault }),
    takeFault(method, path) {
      const fault = faults.find((f) => f.path === path && (f.method === undefined || f.method === method));
      if (!fault) return undefined;
      if (--fault.count <= 0) faults = faults.filter((f) => f !== fault);
      return fault;
    },
    countRollback(taskId) {
      rollbackRequests[taskId] = (rollbackRequests[taskId] ?? 0) + 1;
    },
  };
}
