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

declare global {
  interface Window {
    __ocpBench: BenchProbes;
  }
}
