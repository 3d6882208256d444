/**
 * Code that runs inside the benchmarked page. Each export is serialised by Playwright
 * (addInitScript / evaluate), so every function here must be self-contained: no imports, no closures.
 *
 * The probes are passive observers: they must cost the page (almost) nothing, or they would inflate
 * the very main-thread figures they measure. Heavy reads happen only between measured windows.
 */

/** Installed before any app script runs; state lives on `window.__ocpBench`. */
export function installProbes() {
  /** @type {import('./types').BenchProbes} */
  const b = {
    longtasks: [],
    loafs: [],
    marks: [],
    statusMutations: [],
    unsupported: [],
    firstNode: null,
    frames: null,
    startFrames: () => {},
    stopFrames: () => ({ stamps: [], longFrames: [] }),
  };
  Object.defineProperty(window, '__ocpBench', { value: b });
  // Polls every second: keep every task reply's timing, not just the first 250 entries.
  performance.setResourceTimingBufferSize(5000);

  /** @param {string} type @param {(e: any) => void} onEntry PerformanceEntry subtypes Chromium has and lib.dom lacks */
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      b.unsupported.push(type);
    }
  };
  observe('longtask', (e) => b.longtasks.push({ start: e.startTime, duration: e.duration }));
  // Long animation frames carry script attribution: which code made a frame long.
  observe('long-animation-frame', (e) =>
    b.loafs.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: (e.scripts || []).map((/** @type {any} */ s) => ({
        invoker: s.invoker,
        invokerType: s.invokerType,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        duration: s.duration,
        forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  observe('mark', (e) => {
    if (e.name === 'ocp-layout') b.marks.push({ start: e.startTime, detail: e.detail ?? null });
  });

  // First node on screen: React Flow inserts nodes hidden and makes them visible once measured.
  const visibleNode = '.react-flow__node:not([style*="visibility: hidden"])';
  const firstNodeObserver = new MutationObserver(() => {
    if (b.firstNode || !document.querySelector(visibleNode)) return;
    firstNodeObserver.disconnect();
    const mutationAt = performance.now();
    requestAnimationFrame(() => {
      const rafAt = performance.now();
      // A message posted from rAF runs after this frame's style, layout and paint: the nodes are on screen.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        b.firstNode = {
          mutationAt,
          rafAt,
          paintedAt: performance.now(),
          nodesInDom: document.querySelectorAll('.react-flow__node').length,
          nodesVisible: document.querySelectorAll(visibleNode).length,
        };
      };
      channel.port2.postMessage(0);
    });
  });
  firstNodeObserver.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });

  // Status changes on what is drawn (attribute changes only: additions are not status changes): a
  // subtask node's status, what a collapsed group holds, or what the overview canvas shows (at 5,000
  // subtasks Follow keeps the ten running subtasks, spread over the graph, in view: that is the overview,
  // where no subtask is an element of its own).
  new MutationObserver((records) => {
    b.statusMutations.push({ at: performance.now(), count: records.length });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status', 'data-counts'] });

  b.startFrames = () => {
    /** @type {NonNullable<typeof b.frames>} */
    const frames = { stamps: [], running: true, startedAt: performance.now() };
    b.frames = frames;
    /** @param {number} t */
    const loop = (t) => {
      if (!frames.running) return;
      frames.stamps.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  /** Frame timestamps since startFrames, and the window's longest animation frames split into work phases. */
  b.stopFrames = () => {
    if (!b.frames) return { stamps: [], longFrames: [] };
    const { stamps, startedAt } = b.frames;
    b.frames.running = false;
    const longFrames = b.loafs
      .filter((l) => l.start >= startedAt)
      .sort((x, y) => y.duration - x.duration)
      .slice(0, 3)
      .map((l) => {
        const end = l.start + l.duration;
        const render = l.renderStart || end; // 0 when the frame did not render
        const styleLayout = l.styleAndLayoutStart || end;
        return {
          duration: Math.round(l.duration),
          // Tasks before the frame's rendering; rAF/ResizeObserver callbacks; style, layout and paint.
          tasksMs: Math.round(render - l.start),
          renderCallbacksMs: Math.round(styleLayout - render),
          styleLayoutPaintMs: Math.round(end - styleLayout),
          scripts: l.scripts
            .slice()
            .sort((x, y) => y.duration - x.duration)
            .slice(0, 3)
            .map((sc) => `${sc.invoker}${sc.sourceFunctionName ? ` ${sc.sourceFunctionName}` : ''} ${Math.round(sc.duration)} ms`),
        };
      });
    return { stamps, longFrames };
  };
}

/** Everything the probes gathered, plus resource timings of the task reply (`taskPath`). */
export function readProbes(taskPath) {
  const b = window.__ocpBench;
  const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
  const replies = resources
    .filter((e) => new URL(e.name).pathname === taskPath)
    .map((e) => ({ start: e.startTime, responseStart: e.responseStart, responseEnd: e.responseEnd, bytes: e.encodedBodySize }));
  const scripts = resources
    .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
    .map((e) => ({ file: new URL(e.name).pathname, start: e.startTime, responseEnd: e.responseEnd, initiator: e.initiatorType }));
  return {
    now: performance.now(),
    scripts,
    longtasks: b.longtasks,
    loafs: b.loafs,
    marks: b.marks,
    statusMutations: b.statusMutations,
    unsupported: b.unsupported,
    firstNode: b.firstNode,
    replies,
  };
}

/** Position (React Flow's node transform) and size of every rendered node, by data-id. */
export function readNodeBoxes() {
  const boxes = [];
  for (const el of document.querySelectorAll('.react-flow__node')) {
    if (!(el instanceof HTMLElement)) continue;
    const m = /translate\(\s*(-?[\d.e+-]+)px\s*,\s*(-?[\d.e+-]+)px\s*\)/.exec(el.style.transform);
    if (!m) continue;
    boxes.push({
      id: el.getAttribute('data-id'),
      x: Number(m[1]),
      y: Number(m[2]),
      w: el.offsetWidth,
      h: el.offsetHeight,
      hidden: el.style.visibility === 'hidden',
    });
  }
  return boxes;
}

/** The current zoom and the number of rendered nodes. */
export function readViewport() {
  const vp = document.querySelector('.react-flow__viewport');
  const m = vp instanceof HTMLElement && /scale\(\s*([\d.e+-]+)\s*\)/.exec(vp.style.transform);
  return { zoom: m ? Number(m[1]) : null, nodesInDom: document.querySelectorAll('.react-flow__node').length };
}

/**
 * A point over the empty pane of the graph (not a node, edge or panel), so a drag pans instead of
 * moving or selecting a node. Prefers points near `prefer` (fractions of the graph box).
 */
export function findPanePoint(/** @type {[number, number]} */ prefer) {
  const root = document.querySelector('.react-flow');
  if (!root) return null;
  const r = root.getBoundingClientRect();
  /** @type {[number, number][]} */
  const candidates = [];
  for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) candidates.push([i / 20, j / 20]);
  candidates.sort((a, b) => Math.hypot(a[0] - prefer[0], a[1] - prefer[1]) - Math.hypot(b[0] - prefer[0], b[1] - prefer[1]));
  const blocked =
    '.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__minimap, .react-flow__controls, .react-flow__attribution';
  for (const [fx, fy] of candidates) {
    const x = r.left + fx * r.width;
    const y = r.top + fy * r.height;
    const el = document.elementFromPoint(x, y);
    if (el && root.contains(el) && el.closest('.react-flow__pane') && !el.closest(blocked))
      return { x, y, box: { x: r.left, y: r.top, w: r.width, h: r.height } };
  }
  return null;
}

/** Screen position of the rendered node nearest the middle of the DOM order (a point inside the graph). */
export function middleNodePoint() {
  const nodes = document.querySelectorAll('.react-flow__node');
  const el = nodes[Math.floor(nodes.length / 2)];
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}
