/**
 * The only task API calls the console makes, matched on the RAW request target (before any decoding
 * or dot-segment resolution), method by method. Anything that is not exactly one of these never
 * reaches OCP: `%2e%2e`, `%2f`, `//`, `/../`, a trailing slash or any other character fails the
 * pattern, because ids are plain digits and every other segment is a fixed word.
 */
export type Action = 'list' | 'get' | 'rollback' | 'retry' | 'subtask-retry' | 'subtask-skip' | 'subtask-cancel' | 'subtask-log';

export interface AllowedCall {
  action: Action;
  method: 'GET' | 'POST';
  taskId: string | undefined;
  subtaskId: string | undefined;
  /** Path and query to send to OCP, rebuilt from the parts that matched (never the raw input). */
  upstreamPath: string;
  /** A call that changes state: cross-site checked and audited. */
  mutating: boolean;
}

export type AllowListResult =
  | { ok: true; call: AllowedCall }
  | { ok: false; status: 404; message: string }
  | { ok: false; status: 405; message: string; allow: 'GET' | 'POST' };

const BASE = '/api/v2/tasks/instances';
const ID = '([0-9]{1,19})';
const PATTERN = new RegExp(`^${BASE}(?:/${ID}(?:/(rollback|retry)|/subtasks/${ID}/(retry|skip|cancel|log))?)?$`);

/** The list endpoint's query parameters (OCP 4.x); anything else is dropped, not forwarded. */
export const LIST_PARAMS = ['name', 'status', 'type', 'clusterId', 'tenantId', 'page', 'size', 'sort'] as const;

/**
 * Parameters whose values are checked, not just passed on. `sort` reaches OCP's Spring Data sort, which
 * accepts any entity property (and several of them): only the orders the console offers go through.
 */
const LIST_PARAM_PATTERNS: Partial<Record<(typeof LIST_PARAMS)[number], RegExp>> = {
  sort: /^(id|startTime),(asc|desc)$/,
};

export function matchAllowList(method: string, rawUrl: string): AllowListResult {
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const m = PATTERN.exec(path);
  if (!m) return { ok: false, status: 404, message: `The console does not forward ${method} ${shorten(path)} to OCP.` };
  const [, taskId, taskAction, subtaskId, subtaskAction] = m;

  let action: Action;
  if (taskId === undefined) action = 'list';
  else if (subtaskId !== undefined) action = `subtask-${subtaskAction}` as Action;
  else if (taskAction !== undefined) action = taskAction as Action;
  else action = 'get';

  const expected = action === 'list' || action === 'get' || action === 'subtask-log' ? 'GET' : 'POST';
  if (method !== expected) {
    return { ok: false, status: 405, allow: expected, message: `Request method '${method}' is not allowed here; use ${expected}.` };
  }
  const query = action === 'list' && q >= 0 ? listQuery(rawUrl.slice(q + 1)) : '';
  return {
    ok: true,
    call: {
      action,
      method: expected,
      taskId,
      subtaskId,
      upstreamPath: path + (query ? `?${query}` : ''),
      mutating: expected === 'POST',
    },
  };
}

/** Known parameters only, each once, re-encoded: nothing the console does not send reaches OCP. */
function listQuery(raw: string): string {
  const given = new URLSearchParams(raw);
  const out = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = given.get(name);
    const pattern = LIST_PARAM_PATTERNS[name];
    if (value !== null && value.length <= 200 && (pattern === undefined || pattern.test(value))) out.set(name, value);
  }
  return out.toString();
}

function shorten(path: string): string {
  return path.length > 120 ? `${path.slice(0, 117)}...` : path;
}
