import type { TaskSnapshot, TaskSpec } from './model.ts';
import { SCENARIO_IDS } from './scenarioIds.ts';

/**
 * The sample task of the vendor's rollback page ("Reinstall OCP agent", id 35000312), exactly as
 * recorded there: ids, names, timeouts, seriesIds, executor, times and the order the subtasks were sent in.
 * Chain: 13000335 → 13000333 → 13000336 → 13000334.
 */
export const SAMPLE_TASK_ID = SCENARIO_IDS.sample;

const EXECUTOR = 'xxx.xxx.xxx.xxx';
const at = (iso: string) => Date.parse(iso);

export const sampleSpec: TaskSpec = {
  id: SAMPLE_TASK_ID,
  name: 'Reinstall OCP agent',
  type: 'MANUAL',
  taskDefinitionId: -1,
  creator: { id: 100, name: 'admin' },
  executor: EXECUTOR,
  keepOrder: true,
  subtasks: [
    { id: '13000336', seriesId: 0, name: 'Install ocp agent', timeout: 5400, upstreams: ['13000333'] },
    { id: '13000334', seriesId: 1, name: 'Finish reinstalling OCP agent', timeout: 60, upstreams: ['13000336'] },
    { id: '13000333', seriesId: 2, name: 'Uninstall ocp agent', timeout: 1800, upstreams: ['13000335'] },
    { id: '13000335', seriesId: 3, name: 'Prepare reinstalling OCP agent', timeout: 60 },
  ],
};

const done = (start: string, finish: string) =>
  ({ status: 'SUCCESSFUL', operation: 'EXECUTE', runTime: 1, startMs: at(start), finishMs: at(finish) }) as const;

export const sampleSnapshot: TaskSnapshot = {
  status: 'SUCCESSFUL',
  operation: 'EXECUTE',
  createMs: at('2021-08-25T15:09:31+08:00'),
  startMs: at('2021-08-25T15:09:31.74+08:00'),
  finishMs: at('2021-08-25T15:09:54.067+08:00'),
  subtasks: {
    '13000335': done('2021-08-25T15:09:32.688+08:00', '2021-08-25T15:09:33.082+08:00'),
    '13000333': done('2021-08-25T15:09:33.732+08:00', '2021-08-25T15:09:35.626+08:00'),
    '13000336': done('2021-08-25T15:09:36.821+08:00', '2021-08-25T15:09:52.182+08:00'),
    '13000334': done('2021-08-25T15:09:53.062+08:00', '2021-08-25T15:09:53.252+08:00'),
  },
};
