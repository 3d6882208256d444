import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { SCENARIO_IDS } from '../../server/simulator/scenarioIds.ts';
import { startWorkerConsole } from './workerConsole';

/** Scenario ids of the built-in simulator, by the names the specs use (one source: scenarioIds.ts). */
export const TASK = {
  sample: SCENARIO_IDS.sample,
  failedFanout: SCENARIO_IDS['failed-fanout'],
  prohibited: SCENARIO_IDS.prohibited,
  running: SCENARIO_IDS.running,
  rollbackFails: SCENARIO_IDS['rollback-fails'],
  rolledBack: SCENARIO_IDS['rolled-back'],
  canceling: SCENARIO_IDS.canceling,
  hostile: SCENARIO_IDS.hostile,
  large: SCENARIO_IDS.large,
  hugeLog: SCENARIO_IDS['huge-log'],
  bigId: SCENARIO_IDS['big-id'],
  scale5000Failed: SCENARIO_IDS['scale-5000-failed'],
} as const;

/** The endpoints `/__simulator/stats` counts (server/simulator/routes.ts). */
export type SimulatorEndpoint = 'rollback' | 'retry' | 'subtaskRetry' | 'subtaskSkip' | 'subtaskCancel' | 'subtaskLog';

export interface ResetOptions {
  auth?: boolean;
  tickMs?: number;
  /** Forget the task files uploaded with `uploadTask` (they survive a plain reset). */
  dropUploads?: boolean;
}

/** The simulator's answer to an uploaded task file (server/simulator/control.ts). */
export interface UploadReply {
  status: number;
  body: { id?: string; name?: string; subtasks?: number; replaced?: boolean; error?: string };
}

/** How a broken OCP answers (server/simulator/simulator.ts FaultKind). */
export type BrokenReply = 'hang' | 'stall' | 'cut' | 'redirect' | 'html' | 'applied';

/**
 * The simulator's test controls, reached through the console's server (simulator mode). Its POSTs
 * carry the console's Origin and custom header, as the console's server refuses any other POST.
 */
export class Simulator {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  private readonly headers = () => ({ Origin: new URL(this.baseURL).origin, 'X-OCP-Console': '1' });

  private async post(path: string, data: unknown) {
    const res = await this.request.post(new URL(path, this.baseURL).href, { data, headers: this.headers() });
    expect(res.ok(), `${path}: HTTP ${res.status()} ${await res.text()}`).toBe(true);
  }

  /** Installs a saved task file (an OCP reply, or the console's Task as JSON export) as an extra scenario. */
  async uploadTask(file: Buffer | string, headers: Record<string, string> = this.headers()): Promise<UploadReply> {
    const res = await this.request.post(new URL('/__simulator/tasks', this.baseURL).href, {
      data: file,
      headers: { ...headers, 'Content-Type': 'application/json' },
    });
    return { status: res.status(), body: (await res.json()) as UploadReply['body'] };
  }

  async reset(options: ResetOptions = {}): Promise<void> {
    await this.post('/__simulator/reset', options);
  }

  /** The next `count` matching requests fail with `status`. */
  async fault(path: string, status: number, count: number, method: 'GET' | 'POST' = 'GET'): Promise<void> {
    await this.post('/__simulator/fault', { path, status, count, method });
  }

  /** The next `count` matching requests get a broken reply: no answer, a cut body, a redirect, HTML. */
  async brokenReply(path: string, kind: BrokenReply, count = 1, method: 'GET' | 'POST' = 'GET'): Promise<void> {
    await this.post('/__simulator/fault', { path, kind, count, method });
  }

  async stats(): Promise<{ rollbackRequests: Record<string, number>; apiRequests: number }> {
    const res = await this.request.get(new URL('/__simulator/stats', this.baseURL).href);
    return (await res.json()) as { rollbackRequests: Record<string, number>; apiRequests: number };
  }

  async rollbackRequests(taskId: string): Promise<number> {
    return this.requests('rollback', taskId);
  }

  /**
   * Requests that reached the simulator for one endpoint and target (`taskId`, or `taskId/subtaskId`
   * for the subtask endpoints), since the last reset.
   */
  async requests(endpoint: SimulatorEndpoint, target: string): Promise<number> {
    const res = await this.request.get('/__simulator/stats');
    const body = (await res.json()) as { requests: Partial<Record<SimulatorEndpoint, Record<string, number>>> };
    return body.requests[endpoint]?.[target] ?? 0;
  }
}

export interface WorkerOptions {
  /**
   * Set by the project: each worker runs its own `npm run serve` (built-in simulator) on its own port,
   * so specs reset and drive a simulator no other worker touches. Off, the config's `baseURL` is used.
   */
  ownConsole: boolean;
}

interface WorkerFixtures extends WorkerOptions {
  /** The console this worker's tests talk to. */
  consoleURL: string;
}

/** Every test starts from the simulator's known initial state, on its worker's own console. */
export const test = base.extend<{ sim: Simulator }, WorkerFixtures>({
  ownConsole: [false, { scope: 'worker', option: true }],
  consoleURL: [
    async ({ ownConsole }, provide, workerInfo) => {
      if (!ownConsole) {
        await provide(String(workerInfo.project.use.baseURL));
        return;
      }
      const server = await startWorkerConsole(workerInfo.parallelIndex);
      try {
        await provide(server.url);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ consoleURL }, provide) => {
    await provide(consoleURL);
  },
  sim: [
    async ({ request, baseURL }, provide) => {
      const sim = new Simulator(request, baseURL ?? '');
      await sim.reset();
      await provide(sim);
    },
    { auto: true },
  ],
});

export { expect };

/** React Flow's node wrapper for a subtask id, and our status-carrying element inside it. */
export function graphNode(page: Page, subtaskId: string) {
  return page.getByTestId(`rf__node-${subtaskId}`);
}

export function statusOf(page: Page, subtaskId: string) {
  return graphNode(page, subtaskId).locator('[data-status]').first();
}

/** All subtask nodes (group backdrops excluded: they carry no data-status). */
export function subtaskNodes(page: Page) {
  return page.locator('.react-flow__node [data-status]');
}

export async function openTask(page: Page, id: string): Promise<void> {
  await page.goto(`/tasks/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Saves a screenshot of a main state next to the test results, for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
