/**
 * The contract with OCP's task API (`/api/v2/tasks`), in one place.
 *
 * Shared by the browser client (which parses every reply through these schemas) and by the
 * Node-side simulator (which builds replies of the `z.input` shapes below). Parsing is tolerant
 * where the vendor's own page is wrong (`paralleIdx`, `downstream`, `SYS_ONECE`) and normalises:
 * ids become strings (OCP sends Longs above 2^53 as strings), subtasks come out sorted, optional
 * lists default to empty. The rest of the app sees only the clean output types.
 *
 * Keep this file free of browser and Node APIs: both sides import it.
 */
// zod/mini: the same validation as classic zod with a tree-shakable, functional API (a smaller bundle).
import { z } from 'zod/mini';

export const SUBTASK_STATUSES = ['PENDING', 'READY', 'RUNNING', 'CANCELING', 'FAILED', 'SUCCESSFUL'] as const;
export const TASK_STATUSES = ['RUNNING', 'FAILED', 'SUCCESSFUL'] as const;
export const SUBTASK_OPERATIONS = ['EXECUTE', 'RETRY', 'ROLLBACK', 'SKIP', 'ROLLBACK_SKIP', 'CANCEL'] as const;
/** The server sends EXECUTE | RETRY | ROLLBACK; the vendor page also lists SKIP and CANCEL, so accept them. */
export const TASK_OPERATIONS = ['EXECUTE', 'RETRY', 'ROLLBACK', 'SKIP', 'CANCEL'] as const;

export const SubtaskStatus = z.enum(SUBTASK_STATUSES);
export const TaskStatus = z.enum(TASK_STATUSES);
export const SubtaskOperation = z.enum(SUBTASK_OPERATIONS);
export const TaskOperation = z.enum(TASK_OPERATIONS);
export type SubtaskStatus = z.infer<typeof SubtaskStatus>;
export type TaskStatus = z.infer<typeof TaskStatus>;
export type SubtaskOperation = z.infer<typeof SubtaskOperation>;
export type TaskOperation = z.infer<typeof TaskOperation>;

/** A Java Long: a number, or a decimal string when it does not fit a double exactly. Always a string after parsing. */
export const LongId = z.pipe(
  z.union([z.int(), z.string().check(z.regex(/^-?\d{1,19}$/, 'expected a decimal id'))]),
  z.transform((v: number | string) => String(v)),
);
export type LongId = z.input<typeof LongId>;

/** ISO-8601 with offset, as OCP sends it. Kept as a string; checked to be a real date. */
export const IsoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date'));

/** `SYS_ONECE` is the vendor page's typo; some builds send `SYS_ONCE`. Unknown future types pass through. */
export const TaskType = z.pipe(
  z.string(),
  z.transform((t: string) => (t === 'SYS_ONECE' ? 'SYS_ONCE' : t)),
);

export const Creator = z.object({ id: z.optional(LongId), name: z.string() });
export const Cluster = z.object({
  id: LongId,
  name: z.string(),
  obClusterId: z.optional(LongId),
  type: z.optional(z.string()),
});
export const Tenant = z.object({
  id: LongId,
  name: z.string(),
  obTenantId: z.optional(LongId),
  mode: z.optional(z.string()),
});

const SubtaskFields = z.object({
  id: LongId,
  seriesId: z.optional(z.int()),
  name: z.string(),
  description: z.optional(z.string()),
  timeout: z.optional(z.number()),
  status: SubtaskStatus,
  operation: SubtaskOperation,
  executor: z.optional(z.string()),
  runTime: z.optional(z.int()),
  nodeType: z.optional(z.string()),
  parallelIdx: z.optional(z.int()),
  /** Vendor-page spelling of `parallelIdx`. */
  paralleIdx: z.optional(z.int()),
  upstreams: z.optional(z.array(LongId)),
  downstreams: z.optional(z.array(LongId)),
  /** Vendor-page spelling of `downstreams`. */
  downstream: z.optional(z.array(LongId)),
  prohibitRollback: z.optional(z.boolean()),
  createTime: z.optional(IsoDate),
  startTime: z.optional(IsoDate),
  finishTime: z.optional(IsoDate),
});

export const SubtaskInstance = z.pipe(
  SubtaskFields,
  z.transform(({ paralleIdx, downstream, ...s }: z.output<typeof SubtaskFields>) => ({
    ...s,
    description: s.description ?? s.name,
    runTime: s.runTime ?? 0,
    parallelIdx: s.parallelIdx ?? paralleIdx ?? -1,
    upstreams: s.upstreams ?? [],
    downstreams: s.downstreams ?? downstream ?? [],
    prohibitRollback: s.prohibitRollback ?? false,
  })),
);
export type SubtaskInstance = z.output<typeof SubtaskInstance>;
/** What the server puts on the wire for one subtask (the simulator builds these). */
export type SubtaskInstanceWire = z.input<typeof SubtaskInstance>;

/** Sort by seriesId, then id: the server holds subtasks in a set and sends them in random order. */
export function compareSubtasks(a: { seriesId?: number; id: string }, b: { seriesId?: number; id: string }): number {
  const sa = a.seriesId ?? Number.MAX_SAFE_INTEGER;
  const sb = b.seriesId ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  return compareIds(a.id, b.id);
}

/** Numeric order of decimal id strings without losing precision above 2^53. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const taskFields = {
  id: LongId,
  name: z.string(),
  taskDefinitionId: z.optional(LongId),
  cluster: z.optional(Cluster),
  tenant: z.optional(Tenant),
  creator: z.optional(Creator),
  status: TaskStatus,
  type: z.optional(TaskType),
  operation: TaskOperation,
  executor: z.optional(z.string()),
  prohibitRollback: z.optional(z.boolean()),
  createTime: z.optional(IsoDate),
  startTime: z.optional(IsoDate),
  finishTime: z.optional(IsoDate),
};

const TaskFields = z.object({ ...taskFields, subtasks: z.optional(z.array(SubtaskInstance)) });
export const TaskInstance = z.pipe(
  TaskFields,
  z.transform((t: z.output<typeof TaskFields>) => ({
    ...t,
    prohibitRollback: t.prohibitRollback ?? false,
    subtasks: [...(t.subtasks ?? [])].sort(compareSubtasks),
    /**
     * False when the reply had no `subtasks` at all. A task's reach (what a rollback undoes, what a retry
     * runs again) is unknown then, not empty: actions refuse to act on it, and nothing says "0 subtasks".
     */
    subtasksListed: t.subtasks !== undefined,
  })),
);
export type TaskInstance = z.output<typeof TaskInstance>;
export type TaskInstanceWire = z.input<typeof TaskInstance>;

/** The short subtask summary that the list endpoint embeds. */
export const BasicSubtask = z.object({
  id: LongId,
  name: z.string(),
  description: z.optional(z.string()),
  status: SubtaskStatus,
  operation: SubtaskOperation,
});

export const BasicTaskInstance = z.object({
  ...taskFields,
  subtasks: z.optional(z.array(BasicSubtask)),
});
export type BasicTaskInstance = z.output<typeof BasicTaskInstance>;
export type BasicTaskInstanceWire = z.input<typeof BasicTaskInstance>;

export const PageInfo = z.object({
  number: z.int(),
  size: z.int(),
  totalElements: z.int(),
  totalPages: z.int(),
});
export const TaskPage = z.object({ contents: z.array(BasicTaskInstance), page: PageInfo });
export type TaskPage = z.output<typeof TaskPage>;
export type TaskPageWire = z.input<typeof TaskPage>;

/** `GET …/subtasks/{sid}/log`: the whole log as one string, lines joined by `\n` ("" before any run). */
export const SubtaskLog = z.object({ log: z.string() });
export type SubtaskLog = z.output<typeof SubtaskLog>;
export type SubtaskLogWire = z.input<typeof SubtaskLog>;

export const ApiErrorBody = z.object({
  code: z.optional(z.int()),
  message: z.optional(z.string()),
  debugMessage: z.optional(z.string()),
  target: z.optional(z.string()),
  subErrors: z.optional(z.array(z.unknown())),
});
export type ApiErrorBody = z.output<typeof ApiErrorBody>;

/** The envelope every reply comes in; `data` is absent when null (OCP omits nulls). */
export const Envelope = z.object({
  data: z.optional(z.unknown()),
  duration: z.optional(z.number()),
  error: z.optional(ApiErrorBody),
  server: z.optional(z.string()),
  status: z.int(),
  successful: z.boolean(),
  timestamp: z.optional(z.string()),
  traceId: z.optional(z.string()),
});
export type Envelope = z.output<typeof Envelope>;
export type EnvelopeWire<T> = Omit<z.input<typeof Envelope>, 'data'> & { data?: T };

/** Error codes the console reacts to (OCP `ErrorCodes`). */
export const OcpErrorCode = {
  NOT_FOUND: 20000,
  ILLEGAL_STATE: 20003,
  ROLLBACK_PROHIBITED: 20004,
  ACCESS_DENIED: 30014,
} as const;

/** Largest Java Long: the console refuses task ids outside 1..2^63-1 before sending anything. */
export const MAX_LONG = 9223372036854775807n;

/** `"42"` → `"42"`; anything that is not a positive Java Long → null. */
export function parseTaskId(raw: string | undefined): string | null {
  if (raw === undefined || !/^\d{1,19}$/.test(raw)) return null;
  const n = BigInt(raw);
  if (n < 1n || n > MAX_LONG) return null;
  return n.toString();
}
