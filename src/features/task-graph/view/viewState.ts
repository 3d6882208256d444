/**
 * The task page's view as URL parameters, so a reload or a shared link opens exactly this view:
 * `view` graph|timeline|table, `q` search, `status` picked statuses, `lineage` 1, `vp` x,y,zoom, `groups`
 * toggled parallel groups. (`subtask` is the selection; `logRun`/`line` belong to the log viewer.)
 */
import { SUBTASK_STATUSES } from '../../../api/schemas';
import { DERIVED_FILTERS, type StatusFilter } from '../find';
import type { UrlPatch } from '../../../components/urlState';

export type ViewMode = 'graph' | 'timeline' | 'table';
const MODES: readonly ViewMode[] = ['graph', 'timeline', 'table'];

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface TaskViewState {
  mode: ViewMode;
  query: string;
  statuses: readonly StatusFilter[];
  lineage: boolean;
  viewport: Viewport | null;
  /** Raw `groups` parameter: parallel groups toggled from their default (see task-graph/collapse.ts). */
  groups: string | null;
}

const FILTERS: readonly StatusFilter[] = [...SUBTASK_STATUSES, ...DERIVED_FILTERS];

export function readViewState(params: URLSearchParams): TaskViewState {
  const wanted = new Set((params.get('status') ?? '').split(',').map((s) => s.trim().toUpperCase()));
  return {
    mode: MODES.find((m) => m === params.get('view')) ?? 'graph',
    query: params.get('q') ?? '',
    statuses: FILTERS.filter((f) => wanted.has(f)),
    lineage: params.get('lineage') === '1',
    viewport: readViewport(params.get('vp')),
    groups: params.get('groups'),
  };
}

/** `x,y,zoom`; anything malformed or absurd is ignored (the graph then opens as usual). */
export function readViewport(raw: string | null): Viewport | null {
  if (!raw) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [x, y, zoom] = parts as [number, number, number];
  if (zoom < 0.01 || zoom > 4) return null;
  return { x, y, zoom };
}

/** Rounded: a link stays short and a pixel's difference does not matter. */
export const writeViewport = (v: Viewport): string => `${Math.round(v.x)},${Math.round(v.y)},${Number(v.zoom.toFixed(3))}`;

/** The patch for part of the view; parameters at their default are removed, so a plain link stays plain. */
export function viewPatch(change: Partial<TaskViewState>): UrlPatch {
  const patch: Record<string, string | null> = {};
  if (change.mode !== undefined) patch.view = change.mode === 'graph' ? null : change.mode;
  if (change.query !== undefined) patch.q = change.query || null;
  if (change.statuses !== undefined)
    patch.status = change.statuses.length ? FILTERS.filter((f) => change.statuses?.includes(f)).join(',') : null;
  if (change.lineage !== undefined) patch.lineage = change.lineage ? '1' : null;
  if (change.viewport !== undefined) patch.vp = change.viewport ? writeViewport(change.viewport) : null;
  if (change.groups !== undefined) patch.groups = change.groups;
  return patch;
}
