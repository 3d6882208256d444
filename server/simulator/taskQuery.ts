import { compareIds, TASK_STATUSES } from '../../src/api/schemas.ts';
import type { TaskPageWire } from '../../src/api/schemas.ts';
import { TaskApiError } from './errors.ts';
import type { TaskView } from './model.ts';
import { taskToBasicWire } from './wire.ts';

/** OCP caps a page at 2000 tasks. */
export const MAX_PAGE_SIZE = 2000;
const DEFAULT_PAGE_SIZE = 10;

const badParam = (param: string, value: string, type: string) =>
  new TaskApiError(400, undefined, `The parameter '${param}' of value '${value}' could not be converted to type '${type}'`);

function intParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d{1,9}$/.test(raw)) throw badParam(name, raw, 'Integer');
  return Number(raw);
}

type SortKey = (t: TaskView) => string | number;
const SORT_KEYS: Record<string, SortKey | undefined> = {
  createTime: (t) => t.createMs,
  startTime: (t) => t.startMs ?? 0,
  finishTime: (t) => t.finishMs ?? 0,
  name: (t) => t.spec.name,
  status: (t) => t.status,
  type: (t) => t.spec.type ?? 'MANUAL',
};

function comparator(sort: string | null): (a: TaskView, b: TaskView) => number {
  const [field = 'id', dir = 'desc'] = (sort || 'id,desc').split(',').map((s) => s.trim());
  const sign = dir.toLowerCase() === 'asc' ? 1 : -1;
  const key = SORT_KEYS[field];
  const byId = (a: TaskView, b: TaskView) => compareIds(a.spec.id, b.spec.id);
  if (!key) return (a, b) => sign * byId(a, b);
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : byId(a, b));
  };
}

/**
 * `GET /instances`: filters (`status` comma list, `name` fuzzy and case-insensitive, `type`,
 * `clusterId`, `tenantId`), sort (`id,desc` by default) and a 1-based page of BasicTaskInstance.
 */
export function queryTasks(all: readonly TaskView[], params: URLSearchParams): TaskPageWire {
  const page = Math.max(1, intParam(params, 'page') ?? 1);
  const rawSize = intParam(params, 'size') ?? DEFAULT_PAGE_SIZE;
  const size = rawSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(rawSize, MAX_PAGE_SIZE);

  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!(TASK_STATUSES as readonly string[]).includes(s)) throw badParam('status', s, 'TaskState');
  }
  const name = params.get('name')?.trim().toLowerCase();
  const type = params.get('type') || undefined;
  const clusterId = intParam(params, 'clusterId');
  const tenantId = intParam(params, 'tenantId');

  const matching = all.filter(
    (t) =>
      (statuses.length === 0 || statuses.includes(t.status)) &&
      (!name || t.spec.name.toLowerCase().includes(name)) &&
      (!type || (t.spec.type ?? 'MANUAL') === type) &&
      (clusterId === undefined || t.spec.cluster?.id === clusterId) &&
      (tenantId === undefined || t.spec.tenant?.id === tenantId),
  );
  matching.sort(comparator(params.get('sort')));
  const contents = matching.slice((page - 1) * size, page * size).map(taskToBasicWire);
  return {
    contents,
    page: { number: page, size, totalElements: matching.length, totalPages: Math.ceil(matching.length / size) },
  };
}
