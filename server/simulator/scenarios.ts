import type { Engine } from './engine.ts';
import { generateHostStagesTask, generateLayeredTask } from './generate.ts';
import {
  bigIdTask,
  CANCELED_PARALLEL_IDX,
  cancelingTask,
  failedFanoutTask,
  hostileTask,
  HUGE_LOG_CHECK_TICKS,
  hugeLogTask,
  prohibitedTask,
  rollbackFailsTask,
  rolledBackTask,
  runningTask,
} from './handmadeTasks.ts';
import type { RunPlan, TaskSpec } from './model.ts';
import { sampleSnapshot, sampleSpec } from './sampleTask.ts';
import { SCALE_SCENARIOS, SCENARIO_IDS, type ScenarioKey } from './scenarioIds.ts';

export { SCENARIO_IDS, type ScenarioKey } from './scenarioIds.ts';

export interface ScenarioInfo {
  id: string;
  key: ScenarioKey;
  title: string;
}

/** What `GET /__simulator/scenarios` lists: the built-in scenarios, and saved tasks keyed `file:<id>`. */
export interface ScenarioListing {
  id: string;
  key: ScenarioKey | `file:${string}`;
  title: string;
}

interface Scenario extends ScenarioInfo {
  /** Puts the task into the engine so that at `resetMs` it is in the scenario's initial state. */
  install(engine: Engine, resetMs: number): void;
}

const HOUR = 3600_000;

/** Specs never change, so they are built once (the scale ones take a few milliseconds). */
const memo = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** Ticks a run could take at most if every subtask ran alone, one after another (+1 for READY). */
function worstTicks(spec: TaskSpec, pick: (s: TaskSpec['subtasks'][number]) => readonly RunPlan[] | undefined): number {
  let total = 0;
  for (const s of spec.subtasks) total += Math.max(1, ...(pick(s) ?? []).map((r) => r.ticks)) + 1;
  return total;
}
const forwardTicks = (spec: TaskSpec) => worstTicks(spec, (s) => s.runs);
const rollbackTicks = (spec: TaskSpec) => worstTicks(spec, (s) => s.rollbackRuns);

/** Submitted long enough ago (at least `ageMs`, and at least as long as the run can take) to be finished by now. */
function finished(key: ScenarioKey, title: string, spec: () => TaskSpec, ageMs: number): Scenario {
  return {
    id: SCENARIO_IDS[key],
    key,
    title,
    install(engine, resetMs) {
      const s = spec();
      engine.submit(s, resetMs - Math.max(ageMs, (forwardTicks(s) + 5) * engine.tickMs));
    },
  };
}

/** Submitted `ticksAgo` ticks before the reset, so it is live and restarts on every reset. */
function live(key: ScenarioKey, title: string, spec: () => TaskSpec, ticksAgo: number): Scenario {
  return {
    id: SCENARIO_IDS[key],
    key,
    title,
    install: (engine, resetMs) => void engine.submit(spec(), resetMs - ticksAgo * engine.tickMs),
  };
}

const specs = {
  failedFanout: memo(() => failedFanoutTask(SCENARIO_IDS['failed-fanout'])),
  prohibited: memo(() => prohibitedTask(SCENARIO_IDS.prohibited)),
  running: memo(() => runningTask(SCENARIO_IDS.running)),
  rollbackFails: memo(() => rollbackFailsTask(SCENARIO_IDS['rollback-fails'])),
  rolledBack: memo(() => rolledBackTask(SCENARIO_IDS['rolled-back'])),
  canceling: memo(() => cancelingTask(SCENARIO_IDS.canceling)),
  hostile: memo(() => hostileTask(SCENARIO_IDS.hostile)),
  bigId: memo(() => bigIdTask(SCENARIO_IDS['big-id'])),
  hugeLog: memo(() => hugeLogTask(SCENARIO_IDS['huge-log'])),
  large: memo(() => generateHostStagesTask({ id: SCENARIO_IDS.large, size: 2000, hosts: 200, seed: 1008, failAt: { stage: 3, host: 57 } })),
};

const scale = (key: ScenarioKey, size: number, state: 'FAILED' | 'RUNNING'): Scenario => {
  const spec = memo(() => generateLayeredTask({ id: SCENARIO_IDS[key], size, seed: size, state }));
  const title = `Scale: ${size.toLocaleString('en-US')} subtasks, ${state}`;
  return state === 'FAILED' ? finished(key, title, spec, 6 * HOUR) : live(key, title, spec, 20);
};

const scenarios: readonly Scenario[] = [
  {
    id: SCENARIO_IDS.sample,
    key: 'sample',
    title: "The vendor page's sample task: SUCCESSFUL, 4 subtasks in a chain",
    install: (engine) => void engine.restore(sampleSpec, sampleSnapshot),
  },
  finished('failed-fanout', 'FAILED in one branch of a 6-way parallel fan-out; rollback allowed', specs.failedFanout, 3 * HOUR),
  finished('prohibited', 'FAILED after a subtask that prohibits rollback ran', specs.prohibited, 26 * HOUR),
  live('running', 'RUNNING now, about a minute from reset to SUCCESSFUL', specs.running, 3),
  finished('rollback-fails', 'FAILED; its rollback fails on one step (rolling back again succeeds)', specs.rollbackFails, 2 * HOUR),
  {
    id: SCENARIO_IDS['rolled-back'],
    key: 'rolled-back',
    title: 'Already rolled back: SUCCESSFUL with operation ROLLBACK, every subtask PENDING',
    install(engine, resetMs) {
      const spec = specs.rolledBack();
      const run = forwardTicks(spec) + 1;
      const submitAt = resetMs - Math.max(50 * HOUR, (run + rollbackTicks(spec) + 5) * engine.tickMs);
      engine.submit(spec, submitAt);
      engine.rollback(spec.id, submitAt + run * engine.tickMs);
    },
  },
  {
    id: SCENARIO_IDS.canceling,
    key: 'canceling',
    title: 'RUNNING with a CANCELING subtask and READY ones; ends FAILED',
    install(engine, resetMs) {
      const spec = specs.canceling();
      const submitAt = resetMs - 6 * engine.tickMs;
      engine.submit(spec, submitAt);
      const victim = spec.subtasks.find((s) => s.parallelIdx === CANCELED_PARALLEL_IDX);
      if (victim) engine.cancelSubtask(spec.id, victim.id, submitAt + 5 * engine.tickMs);
    },
  },
  finished('hostile', 'FAILED, with HTML and script in its names and descriptions', specs.hostile, 4 * HOUR),
  finished('large', '2,000 subtasks in stages fanned out over 200 hosts, FAILED', specs.large, 8 * HOUR),
  {
    id: SCENARIO_IDS['huge-log'],
    key: 'huge-log',
    title: 'FAILED after a retry: a subtask log of two runs and 10 MB, the reason on its last line',
    install(engine, resetMs) {
      const spec = specs.hugeLog();
      const submitAt = resetMs - 2 * HOUR;
      engine.submit(spec, submitAt);
      // Its first run fails on tick 1 + HUGE_LOG_CHECK_TICKS + 1; the operator retries it a minute later.
      const check = spec.subtasks[1];
      if (check) engine.retrySubtask(spec.id, check.id, submitAt + (HUGE_LOG_CHECK_TICKS + 60) * engine.tickMs);
    },
  },
  finished('big-id', 'Id above 2^53 (sent as a string), SUCCESSFUL', specs.bigId, 5 * HOUR),
  ...SCALE_SCENARIOS.map(({ key, size, state }) => scale(key, size, state)),
];

export const SCENARIOS: readonly ScenarioInfo[] = scenarios.map(({ id, key, title }) => ({ id, key, title }));

/** Installs every scenario into a fresh engine, as of `resetMs`. */
export function installScenarios(engine: Engine, resetMs: number = engine.now()): void {
  for (const s of scenarios) s.install(engine, resetMs);
}
