/**
 * A task saved to a file (OCP's reply, the console's "Task as JSON" export, or the bare task object)
 * turned into a scenario: the spec and snapshot that `engine.restore` installs, so the task answers
 * GET as the file says and then behaves as the engine does for any task (retry, skip, rollback, logs).
 * The file is read by `src/api/taskFile.ts`, the same reader the browser uses; this file only words
 * its problems in English for the simulator's replies and checks what the engine needs beyond the
 * schema (a finished task, edges that point somewhere, no cycle).
 */
import type { TaskInstance } from '../../src/api/schemas.ts';
import { parseTaskId } from '../../src/api/schemas.ts';
import { readTaskFileBytes, type TaskFileProblem } from '../../src/api/taskFile.ts';
import type { SubtaskSnapshot, SubtaskSpec, TaskSnapshot, TaskSpec } from './model.ts';
import { toWireId } from './wire.ts';

export interface SavedTask {
  spec: TaskSpec;
  snapshot: TaskSnapshot;
}

/** A file the simulator cannot install: `message` says what is wrong, where, and what to do. */
export class SavedTaskError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
    /** Where in the file: `data.subtasks.3.status`; and the subtask concerned, when there is one. */
    readonly where: { field?: string; subtaskId?: string } = {},
  ) {
    super(message);
  }
}

const SAVE_AGAIN = 'Save the task again from OCP (GET /api/v2/tasks/instances/{id}) or with the console’s Export → Task as JSON.';

/** Reads a task file's bytes and converts it; throws SavedTaskError (400) with the problem worded. */
export function readSavedTask(bytes: Uint8Array): SavedTask {
  const read = readTaskFileBytes(bytes);
  if (!read.ok) throw problemError(read.problem, bytes);
  return taskFromFile(read.task, read.wire);
}

function problemError(problem: TaskFileProblem, bytes: Uint8Array): SavedTaskError {
  switch (problem.kind) {
    case 'empty':
      return new SavedTaskError(`The file is empty: expected a task as JSON. ${SAVE_AGAIN}`);
    case 'too-large':
      return new SavedTaskError(`The file is ${problem.bytes} bytes, above the limit of ${problem.limit} bytes: it is not one task.`);
    case 'not-json':
      return new SavedTaskError(`The file is not JSON (${problem.detail}). ${SAVE_AGAIN}`);
    case 'error-reply': {
      const code = problem.code === undefined ? '' : `, code ${problem.code}`;
      const message = problem.message === undefined ? '' : `: ${problem.message}`;
      return new SavedTaskError(`The file holds an OCP error reply (HTTP ${problem.status}${code}${message}), not a task. ${SAVE_AGAIN}`);
    }
    case 'task-list':
      return new SavedTaskError(`The file holds a page of the task list (data.contents), not one task. ${SAVE_AGAIN}`);
    case 'not-a-task':
      return new SavedTaskError(
        `The file is JSON but not a task: expected an object with id, status and subtasks, or OCP's reply with it in data. ${SAVE_AGAIN}`,
      );
    case 'no-subtasks':
      return new SavedTaskError(`The task has no ${problem.field}: the task list's entries carry no subtask graph. ${SAVE_AGAIN}`, 400, {
        field: problem.field,
      });
    case 'invalid':
      return invalidFieldError(problem, bytes);
  }
}

/** `data.subtasks.3.status (subtask 2010007): expected one of PENDING, …, got "DONE".` from the first zod issue. */
function invalidFieldError(problem: Extract<TaskFileProblem, { kind: 'invalid' }>, bytes: Uint8Array): SavedTaskError {
  const issues = problem.error.issues;
  const issue = issues[0];
  if (!issue) return new SavedTaskError(`The task breaks OCP's contract. ${SAVE_AGAIN}`);
  // The reader only reports `invalid` for JSON it parsed, so this parses too; it runs on the error path only.
  const file: unknown = JSON.parse(new TextDecoder().decode(bytes));
  const rootValue = problem.root ? at(file, [problem.root]) : file;
  const path = issue.path.map(String);
  const field = [problem.root, ...path].filter(Boolean).join('.');
  const value = at(rootValue, path);
  const subtaskId = path[0] === 'subtasks' && path.length > 1 ? idOf(at(rootValue, path.slice(0, 2))) : undefined;
  const got = value === undefined ? 'but it is missing' : `got ${JSON.stringify(value).slice(0, 80)}`;
  let what: string;
  if (issue.code === 'invalid_value') what = `expected one of ${issue.values.map(String).join(', ')}, ${got}`;
  else if (issue.code === 'invalid_type') what = `expected ${issue.expected}, ${got}`;
  else what = `${issue.message}, ${got}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const where = subtaskId === undefined ? field : `${field} (subtask ${subtaskId})`;
  return new SavedTaskError(`${where}: ${what}${more}. Fix the field in the file, or save the task again from OCP.`, 400, {
    field,
    subtaskId,
  });
}

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function idOf(value: unknown): string | undefined {
  const id = at(value, ['id']);
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** Turns a read task file into what the engine restores; throws SavedTaskError (400) for what it cannot hold. */
export function taskFromFile(task: TaskInstance, wire: unknown): SavedTask {
  const id = parseTaskId(task.id);
  if (id === null) throw new SavedTaskError(`Task id ${task.id} is not a positive id the console can open.`, 400, { field: 'id' });
  if (task.status === 'RUNNING') {
    throw new SavedTaskError(
      `Task ${id} is RUNNING: the simulator replays finished tasks only (FAILED or SUCCESSFUL), since a snapshot taken mid-run ` +
        'cannot say how long its running subtasks still take. Save the task again once OCP has ended it (a FAILED one is ' +
        'what a postmortem replays), or use the built-in RUNNING scenarios (1003, 1006).',
      400,
      { field: 'status' },
    );
  }
  const subtasks = inFileOrder(task, wire);
  const upstreams = checkedEdges(id, subtasks);

  const specs: SubtaskSpec[] = [];
  const records: Record<string, SubtaskSnapshot> = {};
  const runTimes = wireRunTimes(wire);
  for (const s of subtasks) {
    if (s.status === 'RUNNING' || s.status === 'CANCELING') {
      throw new SavedTaskError(
        `Subtask ${s.id} is ${s.status} in a ${task.status} task, which OCP never sends (a task ends only when nothing runs): ` +
          `the file was edited or saved mid-change. ${SAVE_AGAIN}`,
        400,
        { field: 'subtasks', subtaskId: s.id },
      );
    }
    specs.push({
      id: s.id,
      name: s.name,
      description: s.description,
      seriesId: s.seriesId,
      timeout: s.timeout,
      nodeType: s.nodeType,
      parallelIdx: s.parallelIdx,
      upstreams: [...(upstreams.get(s.id) ?? [])],
      prohibitRollback: s.prohibitRollback,
      executor: s.executor,
    });
    records[s.id] = {
      status: s.status,
      operation: s.operation,
      // OCP counts runs from 1 (a subtask that never ran says 1); a file that leaves it out gets that.
      runTime: runTimes.get(s.id) === undefined ? 1 : s.runTime,
      startMs: ms(s.startTime),
      finishMs: ms(s.finishTime),
      executor: s.executor,
    };
  }

  const starts = subtasks.map((s) => ms(s.startTime)).filter((t) => t !== undefined);
  const ends = subtasks.flatMap((s) => [ms(s.finishTime), ms(s.startTime)]).filter((t) => t !== undefined);
  const createMs = ms(task.createTime) ?? ms(task.startTime) ?? (starts.length ? Math.min(...starts) : undefined);
  if (createMs === undefined) {
    throw new SavedTaskError(
      `Task ${id} has no createTime or startTime and none of its subtasks ran: there is no time to replay it at.`,
      400,
      {
        field: 'createTime',
      },
    );
  }
  const startMs = ms(task.startTime) ?? createMs;
  const finishMs = ms(task.finishTime) ?? Math.max(startMs, ...ends);

  const spec: TaskSpec = {
    id,
    name: task.name,
    type: task.type,
    taskDefinitionId: task.taskDefinitionId === undefined ? undefined : toWireId(task.taskDefinitionId),
    cluster: task.cluster && {
      ...task.cluster,
      id: toWireId(task.cluster.id),
      obClusterId: task.cluster.obClusterId === undefined ? undefined : toWireId(task.cluster.obClusterId),
    },
    tenant: task.tenant && {
      ...task.tenant,
      id: toWireId(task.tenant.id),
      obTenantId: task.tenant.obTenantId === undefined ? undefined : toWireId(task.tenant.obTenantId),
    },
    creator: task.creator && { name: task.creator.name, id: task.creator.id === undefined ? undefined : toWireId(task.creator.id) },
    executor: task.executor,
    prohibitRollback: task.prohibitRollback,
    // The file's order is the order OCP sent: replay it as it was.
    keepOrder: true,
    subtasks: specs,
  };
  return { spec, snapshot: { status: task.status, operation: task.operation, createMs, startMs, finishMs, subtasks: records } };
}

type FileSubtask = TaskInstance['subtasks'][number];

const wireSubtasks = (wire: unknown): unknown[] => {
  const list = at(wire, ['subtasks']);
  return Array.isArray(list) ? list : [];
};

/** The parsed subtasks (sorted by the schema) back in the order the file lists them; duplicate ids refused. */
function inFileOrder(task: TaskInstance, wire: unknown): FileSubtask[] {
  const byId = new Map<string, FileSubtask>();
  for (const s of task.subtasks) {
    if (byId.has(s.id)) {
      throw new SavedTaskError(`Subtask id ${s.id} appears twice in the task. ${SAVE_AGAIN}`, 400, { field: 'subtasks', subtaskId: s.id });
    }
    byId.set(s.id, s);
  }
  const ordered = wireSubtasks(wire)
    .map((w) => byId.get(idOf(w) ?? ''))
    .filter((s) => s !== undefined);
  return ordered.length === task.subtasks.length ? ordered : task.subtasks;
}

function wireRunTimes(wire: unknown): Map<string, unknown> {
  return new Map(wireSubtasks(wire).map((w) => [idOf(w) ?? '', at(w, ['runTime'])]));
}

/**
 * Each subtask's upstreams: those it lists, plus every subtask that lists it as a downstream (a file may
 * give an edge one way only). Refuses an edge to a subtask that is not in the file, and a cycle.
 */
function checkedEdges(taskId: string, subtasks: readonly FileSubtask[]): Map<string, Set<string>> {
  const ups = new Map(subtasks.map((s) => [s.id, new Set<string>()]));
  const edge = (s: FileSubtask, other: string, kind: 'upstream' | 'downstream') => {
    if (other === s.id)
      throw new SavedTaskError(`Subtask ${s.id} lists itself as its own ${kind}.`, 400, { field: `subtasks`, subtaskId: s.id });
    if (!ups.has(other)) {
      throw new SavedTaskError(
        `Subtask ${s.id} lists ${kind} ${other}, which is not among task ${taskId}'s ${subtasks.length} subtasks: the file is cut or edited. ${SAVE_AGAIN}`,
        400,
        { field: `subtasks`, subtaskId: s.id },
      );
    }
  };
  for (const s of subtasks) {
    for (const u of s.upstreams) {
      edge(s, u, 'upstream');
      ups.get(s.id)?.add(u);
    }
    for (const d of s.downstreams) {
      edge(s, d, 'downstream');
      ups.get(d)?.add(s.id);
    }
  }
  const cycle = findCycle(ups);
  if (cycle) {
    throw new SavedTaskError(
      `Subtasks ${cycle.join(' → ')} form a cycle (each waits on the one before it); OCP's task graphs have none, so the file was edited.`,
      400,
      { field: 'subtasks', subtaskId: cycle[0] },
    );
  }
  return ups;
}

/** A cycle as ids from upstream to downstream, first id repeated at the end; null when the graph is acyclic. */
function findCycle(ups: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const downs = new Map<string, string[]>([...ups.keys()].map((id) => [id, []]));
  const waiting = new Map<string, number>();
  for (const [id, set] of ups) {
    waiting.set(id, set.size);
    for (const u of set) downs.get(u)?.push(id);
  }
  const queue = [...waiting].filter(([, n]) => n === 0).map(([id]) => id);
  for (let i = 0; i < queue.length; i++) {
    for (const d of downs.get(queue[i] as string) ?? []) {
      const left = (waiting.get(d) ?? 0) - 1;
      waiting.set(d, left);
      if (left === 0) queue.push(d);
    }
  }
  // Whatever Kahn's walk left waits on a cycle; walking upstream inside that rest must come round.
  const rest = new Set([...waiting].filter(([, n]) => n > 0).map(([id]) => id));
  const first = rest.values().next();
  if (first.done) return null;
  const path: string[] = [];
  const seen = new Map<string, number>();
  let id = first.value;
  while (!seen.has(id)) {
    seen.set(id, path.length);
    path.push(id);
    id = [...(ups.get(id) ?? [])].find((u) => rest.has(u)) ?? id;
  }
  const loop = path.slice(seen.get(id)).reverse();
  return [...loop, loop[0] as string];
}
