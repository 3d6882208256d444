import type { SubtaskOperation, SubtaskStatus } from '../../src/api/schemas.ts';
import type { RunPlan, SubtaskSpec } from './model.ts';
import { formatOcpTime } from './ocpTime.ts';
import { createRng, hashSeed, randInt, type Rng } from './rng.ts';

/**
 * What OCP's task executor writes to a subtask log, in miniature. The two framing lines are exactly
 * OCP's (the reference, "Subtask log"); the lines between them imitate its logback pattern
 * (`2024-03-01 10:00:03.120 INFO  [thread] logger - message`, local time of the +08:00 server).
 * Every line is a pure function of (subtask, run, tick), so a log never changes once written and the
 * same scenario writes the same text on every reset.
 */

/** A block of log text that is only built when someone reads it (the 10 MB scenario). */
export interface LazyLines {
  readonly lazy: true;
  text(): string;
}

/** What a running subtask wrote in one tick, kept as its inputs and formatted when read (a run may last 100,000 ticks). */
export interface ProgressEntry {
  readonly run: RunContext;
  readonly tickOfRun: number;
  readonly at: number;
}

export type LogEntry = string | LazyLines | ProgressEntry;

export const runHeader = (operation: SubtaskOperation, at: number) => `############{${operation}}{${formatOcpTime(at)}}############`;

export const stateLine = (id: string, operation: SubtaskOperation, state: SubtaskStatus) =>
  `Set state for subtask: ${id}, operation:${operation}, state: ${state}`;

type Level = 'INFO' | 'WARN' | 'ERROR';

let lastMs = NaN;
let lastText = '';
/** `2024-03-01 10:00:03.120` in the server's +08:00 local time (the last one kept: bulk lines share their ms). */
function localTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = new Date(ms + 8 * 3600_000).toISOString().slice(0, 23).replace('T', ' ');
  }
  return lastText;
}

function line(at: number, level: Level, thread: string, message: string, logger = 'c.o.o.s.t.e.SubtaskExecutor'): string {
  return `${localTime(at)} ${level.padEnd(5)} [${thread}] ${logger} - ${message}`;
}

/** Everything a generated line needs to know about the subtask and its run. */
export interface RunContext {
  spec: SubtaskSpec;
  operation: SubtaskOperation;
  /** 1-based position of this run in the subtask's log. */
  run: number;
  /** Ticks the run is planned to take (for its progress lines); 0 when unknown. */
  ticks: number;
  executor: string | undefined;
}

const threadOf = (c: RunContext) => `task-executor-${(hashSeed(c.run, c.spec.id) % 16) + 1}`;
const rngOf = (c: RunContext, salt: number): Rng => createRng(hashSeed(c.run * 100_003 + salt, c.spec.id));
const hostOf = (c: RunContext) => /\b\d{1,3}(?:\.\d{1,3}){3}\b/.exec(c.spec.name)?.[0] ?? c.executor ?? '127.0.0.1';

/** A shell command that fits the subtask's name, as the OCP agent would be asked to run it. */
function commandFor(c: RunContext): string {
  const name = c.spec.name.toLowerCase();
  const undo = c.operation === 'ROLLBACK';
  if (name.includes('install')) {
    return undo
      ? 'rpm -e oceanbase-ce-4.2.1.2-102000042023120514.el7.x86_64'
      : 'rpm -ivh --prefix=/home/admin/oceanbase oceanbase-ce-4.2.1.2-102000042023120514.el7.x86_64.rpm';
  }
  if (name.includes('start') || name.includes('stop') || name.includes('restart')) {
    return undo
      ? 'kill -15 $(cat /home/admin/oceanbase/run/observer.pid)'
      : 'cd /home/admin/oceanbase && ./bin/observer -p 2881 -P 2882 -z zone3 -d /home/admin/oceanbase/store';
  }
  if (name.includes('check') || name.includes('verify')) return 'df -h /home/admin/oceanbase /data/1 /data/log1 && free -g && ulimit -n';
  if (name.includes('upload') || name.includes('package') || name.includes('collect'))
    return 'tar -czf /tmp/ocp_collect.tar.gz /home/admin/oceanbase/log';
  if (name.includes('tenant') || name.includes('zone') || name.includes('resource') || name.includes('grant')) {
    return undo
      ? 'obclient -h127.0.0.1 -P2881 -uroot@sys -e "<undo statement>"'
      : 'obclient -h127.0.0.1 -P2881 -uroot@sys -e "<statement>"';
  }
  return 'sh /home/admin/ocp_agent/bin/ocp_agentctl status';
}

/** The first lines of a run, just after its header. */
export function startLines(c: RunContext, at: number): string[] {
  const thread = threadOf(c);
  const verb = c.operation === 'ROLLBACK' ? 'roll back' : c.operation === 'RETRY' ? 'retry' : 'execute';
  const lines = [
    line(
      at,
      'INFO',
      thread,
      `Start to ${verb} subtask ${c.spec.id} "${c.spec.name}", runTime ${c.run}, timeout ${c.spec.timeout ?? 0}s, executor ${c.executor ?? 'unknown'}`,
    ),
  ];
  if (c.run > 1 && c.operation === 'RETRY')
    lines.push(line(at + 1, 'INFO', thread, 'Previous run failed; cleaning up its leftovers before running again'));
  return lines;
}

/** Grows with the run's ticks toward 99 (a run past its plan, e.g. one that times out, stays at 99). */
const progressOf = (c: RunContext, tickOfRun: number) => Math.min(99, Math.floor((100 * tickOfRun) / Math.max(1, c.ticks || 20)));

/** What a running subtask writes during one tick (one or two lines; now and then a warning). */
export function progressLines(c: RunContext, tickOfRun: number, at: number): string[] {
  const rng = rngOf(c, tickOfRun);
  const thread = threadOf(c);
  const host = hostOf(c);
  const roll = rng();
  if (tickOfRun === 1) return [line(at, 'INFO', thread, `Executing command on ${host}: ${commandFor(c)}`, 'c.o.o.a.c.AgentClient')];
  if (roll < 0.12) {
    return [
      line(
        at,
        'WARN',
        thread,
        `Slow response from OCP agent on ${host}:62888: ${randInt(rng, 1500, 4800)} ms, retrying (attempt 2/3)`,
        'c.o.o.a.c.AgentClient',
      ),
    ];
  }
  if (roll < 0.55) return [line(at, 'INFO', thread, `Waiting for the command on ${host} to finish, elapsed ${tickOfRun} s`)];
  return [
    line(at, 'INFO', thread, `Polled task status from ${host}: RUNNING, progress ${progressOf(c, tickOfRun)}%`, 'c.o.o.a.c.AgentClient'),
  ];
}

export function canceledLines(c: RunContext, requestedAt: number): string[] {
  return [line(requestedAt, 'WARN', threadOf(c), `Received a request to cancel subtask ${c.spec.id}; stopping the running command`)];
}

/** The lines a run ends with before its state line: success, or the error (and stack trace) of a failure. */
export function endLines(c: RunContext, at: number, outcome: 'done' | 'skipped' | 'canceled' | RunPlan): string[] {
  const thread = threadOf(c);
  if (outcome === 'done') {
    const what = c.operation === 'ROLLBACK' ? 'rolled back' : 'finished successfully';
    return [line(at, 'INFO', thread, `Subtask ${c.spec.id} ${what}`)];
  }
  if (outcome === 'skipped') {
    const what = c.operation === 'ROLLBACK_SKIP' ? 'rollback skipped by the operator' : 'skipped by the operator, set to successful';
    return [line(at, 'INFO', thread, `Subtask ${c.spec.id} ${what}`)];
  }
  if (outcome === 'canceled') return [line(at, 'ERROR', thread, `Subtask ${c.spec.id} was canceled.`)];
  const message = outcome.error ?? `Subtask ${c.spec.id} failed.`;
  return [line(at, 'ERROR', thread, `Execute subtask ${c.spec.id} failed: ${message}`), ...(outcome.trace ?? [])];
}

export const timeoutPlan = (c: RunContext): RunPlan => ({
  ticks: 0,
  fail: true,
  error: `Subtask ${c.spec.id} timed out: it ran longer than its timeout of ${c.spec.timeout ?? 0} s.`,
});

/**
 * Bulk texts already built, by everything they are made from: the text is a pure function of its
 * inputs, so a reset (every e2e test and benchmark run resets) need not spend a second on 10 MB again.
 * Bounded: a handful of bulk runs exist.
 */
const bulkCache = new Map<string, string>();
const BULK_CACHE_MAX = 8;

/**
 * About `bytes` of a verbose run's output (a data consistency check that prints every partition it
 * visits), between `from` and `to`. Built on first read and then kept, so a scenario that nobody
 * opens costs nothing.
 */
export function bulkLines(c: RunContext, bytes: number, from: number, to: number): LazyLines {
  const key = JSON.stringify([c.spec.id, c.spec.name, c.run, c.executor ?? null, bytes, from, to]);
  return {
    lazy: true,
    text() {
      let text = bulkCache.get(key);
      if (text === undefined) {
        text = buildBulk(c, bytes, from, to);
        if (bulkCache.size >= BULK_CACHE_MAX) bulkCache.delete(bulkCache.keys().next().value as string);
        bulkCache.set(key, text);
      }
      return text;
    },
  };
}

function buildBulk(c: RunContext, bytes: number, from: number, to: number): string {
  const rng = rngOf(c, 999_983);
  const thread = threadOf(c);
  const host = hostOf(c);
  const out: string[] = [];
  let size = 0;
  const estimate = Math.max(1, Math.round(bytes / 150));
  for (let i = 0; size < bytes; i++) {
    const at = from + Math.floor(((to - from) * Math.min(i, estimate)) / estimate);
    const tenant = 1001 + (i % 7);
    const table = 500_001 + Math.floor(i / 13);
    const partition = i % 64;
    const text =
      rng() < 0.004
        ? line(
            at,
            'WARN',
            thread,
            `Replica of table_id=${table} partition_id=${partition} on ${host}:2882 is ${randInt(rng, 2, 40)} s behind its leader`,
            'c.o.o.s.c.ReplicaChecker',
          )
        : line(
            at,
            'INFO',
            thread,
            `Checked tenant_id=${tenant} table_id=${table} partition_id=${partition} ls_id=${1001 + (partition % 3)} svr_ip=${host} row_count=${randInt(rng, 0, 2_000_000)} checksum=${Math.floor(
              rng() * 2 ** 32,
            )
              .toString(16)
              .padStart(8, '0')} status=NORMAL`,
            'c.o.o.s.c.ChecksumChecker',
          );
    out.push(text);
    size += text.length + 1;
  }
  return out.join('\n');
}

/** The text of a log: its entries joined by `\n`, lazy blocks built on demand. */
export function renderLog(entries: readonly LogEntry[]): string {
  return entries
    .map((e) => (typeof e === 'string' ? e : 'lazy' in e ? e.text() : progressLines(e.run, e.tickOfRun, e.at).join('\n')))
    .join('\n');
}
