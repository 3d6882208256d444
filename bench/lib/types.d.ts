// Shapes shared by the benchmark's modules, for type-checking its JavaScript (bench/tsconfig.json).

export interface LongTask {
  start: number;
  duration: number;
}

export interface LoafScript {
  invoker: string;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayout: number;
}

export interface Loaf extends LongTask {
  blocking: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}

export interface LongFrame {
  duration: number;
  tasksMs: number;
  renderCallbacksMs: number;
  styleLayoutPaintMs: number;
  scripts: string[];
}

export interface FirstNode {
  mutationAt: number;
  rafAt: number;
  paintedAt: number;
  nodesInDom: number;
  /** Subtask nodes React Flow has made visible in the first painted frame. */
  nodesVisible: number;
}

/** The probes' state in the page, `window.__ocpBench`. */
export interface BenchProbes {
  longtasks: LongTask[];
  loafs: Loaf[];
  marks: { start: number; detail: unknown }[];
  statusMutations: { at: number; count: number }[];
  unsupported: string[];
  firstNode: FirstNode | null;
  frames: { stamps: number[]; running: boolean; startedAt: number } | null;
  startFrames: () => void;
  stopFrames: () => { stamps: number[]; longFrames: LongFrame[] };
}

/** The log benchmark's probes, `window.__ocpLogBench` (bench/lib/logbench.mjs). */
export interface LogBenchProbes {
  clickAt: number | null;
  linesAt: number | null;
  pendingLines?: boolean;
  longtasks: LongTask[];
  unsupported: string[];
  /** The search being timed: its input event, and when its count (`text`) was painted. */
  count: { before: string; inputAt: number | null; at: number | null; text: string | null; pending: boolean } | null;
}

/** One keystroke being timed (bench/lib/findbench.mjs): page times of its events and frames. */
export interface FindKey {
  keyAt: number | null;
  inputAt: number | null;
  /** The frame after the input's own handling was painted. */
  echoAt: number | null;
  lastMutationAt: number | null;
  /** The frame after the last search mutation (count text, node class, edge style) was painted. */
  paintedAt: number | null;
  mutations: number;
  /** The match count's text as last painted. */
  shown: string | null;
}

/** The find benchmark's probes, `window.__ocpFindBench`. */
export interface FindBenchProbes {
  key: FindKey | null;
  scroll: {
    stamps: number[];
    rows: number[];
    running: boolean;
    reachedEnd: boolean;
    reachedTopAfterEnd: boolean;
    totalRows: number | null;
  } | null;
  longtasks: LongTask[];
  unsupported: string[];
  startScroll?: () => void;
  stopScroll?: () => FindBenchProbes['scroll'];
}

declare global {
  interface Window {
    __ocpBench: BenchProbes;
    __ocpLogBench: LogBenchProbes;
    __ocpFindBench: FindBenchProbes;
  }
}
