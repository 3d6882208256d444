/**
 * Runs layouts: cached by key in a small LRU (revisits and polls never lay out again), deduplicated
 * while in flight, in a module worker for large graphs and on the main thread for small ones (or
 * where there is no Worker, as in jsdom). d3-dag is only ever loaded lazily, never in the entry chunk.
 */
import type { GraphLayout, LayoutInput } from './geometry';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol';

/**
 * Up to this many subtasks the main thread lays out faster than a worker round trip, and briefly
 * (measured in Chromium: 100 nodes ≈ 25–40 ms including loading the layout chunk; a cold worker costs
 * more than that to boot). Above it, layout is off the main thread.
 */
export const SYNC_LAYOUT_MAX_NODES = 150;
const CACHE_SIZE = 16;

const cache = new Map<string, GraphLayout>();
const inFlight = new Map<string, Promise<GraphLayout>>();

export function cachedLayout(key: string): GraphLayout | undefined {
  const hit = cache.get(key);
  if (hit) {
    // Map keeps insertion order: re-inserting marks it most recently used.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** A layout computed: cached, and marked once (the benchmark counts relayouts by the mark). */
function remember(key: string, layout: GraphLayout, nodes: number, where: 'worker' | 'main', started: number): GraphLayout {
  performance.mark('ocp-layout', { detail: { key, nodes, where, ms: performance.now() - started } });
  cache.set(key, layout);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return layout;
}

export function requestLayout(key: string, input: LayoutInput): Promise<GraphLayout> {
  const hit = cachedLayout(key);
  if (hit) return Promise.resolve(hit);
  const running = inFlight.get(key);
  if (running) return running;
  const useWorker = input.nodeIds.length > SYNC_LAYOUT_MAX_NODES && typeof Worker !== 'undefined';
  const started = performance.now();
  const promise = (useWorker ? inWorker(input).catch(fallBackIfNoWorker(input)) : onMainThread(input))
    .then((layout) => remember(key, layout, input.nodeIds.length, useWorker ? 'worker' : 'main', started))
    .finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

/**
 * A small layout computed now, in the caller's render, when the main thread's layout code is already
 * loaded (it is prewarmed with the graph's code): the graph then draws in the task that brought the
 * reply instead of one task later, after a promise and another render. Undefined when it is not
 * cached and cannot be computed now (code not loaded, or more than SYNC_LAYOUT_MAX_NODES subtasks):
 * `requestLayout` then does.
 */
export function layoutNow(key: string, subtaskCount: number, input: () => LayoutInput): GraphLayout | undefined {
  const hit = cachedLayout(key);
  // The count first: a large graph's input is not built on every render while its worker runs.
  if (hit || !loadedLayoutCode || inFlight.has(key) || subtaskCount > SYNC_LAYOUT_MAX_NODES) return hit;
  const nodes = input();
  const started = performance.now();
  let layout: GraphLayout;
  try {
    layout = loadedLayoutCode.layoutGraph(nodes);
  } catch {
    return undefined; // requestLayout runs it again and reports the error where the graph shows errors
  }
  return remember(key, layout, nodes.nodeIds.length, 'main', started);
}

let layoutCode: Promise<typeof import('./layout')> | null = null;
let loadedLayoutCode: typeof import('./layout') | null = null;

/** The layout code for the main thread, fetched once; a failed fetch is tried again next time. */
function loadLayoutCode(): Promise<typeof import('./layout')> {
  layoutCode ??= import('./layout').then(
    (code) => (loadedLayoutCode = code),
    (error: unknown) => {
      layoutCode = null;
      throw error;
    },
  );
  return layoutCode;
}

async function onMainThread(input: LayoutInput): Promise<GraphLayout> {
  const { layoutGraph } = await loadLayoutCode();
  return layoutGraph(input);
}

class WorkerUnavailable extends Error {}

/** A worker that cannot start (blocked, failed to load) should not cost the user the graph. */
const fallBackIfNoWorker = (input: LayoutInput) => (error: unknown) => {
  if (error instanceof WorkerUnavailable) return onMainThread(input);
  throw error;
};

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (l: GraphLayout) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const response = event.data;
    const entry = waiting.get(response.id);
    waiting.delete(response.id);
    if (!entry) return;
    if ('layout' in response) entry.resolve(response.layout);
    else entry.reject(new Error(response.error));
  };
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    worker = null;
    for (const entry of waiting.values()) entry.reject(new WorkerUnavailable(event.message || 'layout worker failed'));
    waiting.clear();
  };
  return w;
}

/**
 * Starts the worker (and its download of the layout code) ahead of the first large layout, and fetches
 * the main thread's copy for small ones, so both overlap waiting for the reply rather than follow it.
 * Measured (bench, navigation breakdown of the 100-subtask task): the layout chunk used to finish
 * loading ~0.8 s after the reply on a loaded machine, since its import started only once the reply
 * was parsed; that wait was most of "reply → first nodes".
 */
export function prewarmLayout(): void {
  if (typeof Worker !== 'undefined') worker ??= startWorker();
  void loadLayoutCode().catch(() => {
    // Tried again, and reported, when a layout needs it.
  });
}

/**
 * Forgets every cached layout, drops the worker and fails what was waiting on it. The cache is shared
 * on purpose (a revisit never lays out again), so tests reset it after each one (src/test/setup.ts)
 * and none depends on another's leftovers.
 */
export function resetLayoutRunner(): void {
  cache.clear();
  inFlight.clear();
  worker?.terminate();
  worker = null;
  layoutCode = null;
  loadedLayoutCode = null;
  for (const entry of waiting.values()) entry.reject(new Error('layout runner reset'));
  waiting.clear();
}

function inWorker(input: LayoutInput): Promise<GraphLayout> {
  worker ??= startWorker();
  const id = nextId++;
  const request: LayoutRequest = { id, input };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker?.postMessage(request);
  });
}
