/**
 * Task ids of the built-in scenarios (strings, as the console handles ids): the one list that the
 * simulator, the e2e specs and the benchmark import. No imports, so any of them can load it cheaply.
 */
export const SCENARIO_IDS = {
  sample: '35000312',
  'failed-fanout': '1001',
  prohibited: '1002',
  running: '1003',
  'rollback-fails': '1004',
  'rolled-back': '1005',
  canceling: '1006',
  hostile: '1007',
  large: '1008',
  'huge-log': '1009',
  'big-id': '9007199254740993',
  'scale-100-failed': '9100',
  'scale-100-running': '9101',
  'scale-1000-failed': '9110',
  'scale-1000-running': '9111',
  'scale-5000-failed': '9150',
  'scale-5000-running': '9151',
} as const;

export type ScenarioKey = keyof typeof SCENARIO_IDS;

/** The benchmark's generated tasks (`scale-<size>-<state>`): size in subtasks, and how the task stands. */
export const SCALE_SCENARIOS = [
  { key: 'scale-100-failed', size: 100, state: 'FAILED' },
  { key: 'scale-100-running', size: 100, state: 'RUNNING' },
  { key: 'scale-1000-failed', size: 1000, state: 'FAILED' },
  { key: 'scale-1000-running', size: 1000, state: 'RUNNING' },
  { key: 'scale-5000-failed', size: 5000, state: 'FAILED' },
  { key: 'scale-5000-running', size: 5000, state: 'RUNNING' },
] as const satisfies readonly { key: ScenarioKey; size: number; state: 'FAILED' | 'RUNNING' }[];
