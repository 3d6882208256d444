/**
 * A subtask log as OCP writes it (one string, `\n` between lines), split into lines and runs.
 * Each run opens with `############{OPERATION}{ISO time}############`; a finished run ends with
 * `Set state for subtask: <id>, operation:<OP>, state: <STATE>`. Pure: no React, no DOM.
 */

export interface LogRun {
  /** 1-based position in the log: the number in `?logRun=`. */
  index: number;
  /** EXECUTE, RETRY, ROLLBACK, SKIP, ROLLBACK_SKIP, CANCEL… as written; '' for lines before any header. */
  operation: string;
  /** The header's ISO time, '' when there is none. */
  time: string;
  /** Line indexes (0-based) of the run: [start, end). `start` is its header line. */
  start: number;
  end: number;
  /** The state its closing line names (FAILED, SUCCESSFUL, PENDING), when it has ended. */
  state: string | undefined;
}

export interface LogModel {
  /** The text the model was built from, to tell an append from a new log. */
  text: string;
  lines: string[];
  runs: LogRun[];
}

export type LineKind = 'header' | 'state' | 'error' | 'exception' | 'warn' | 'plain';

const HEADER = /^#{12}\{([A-Z_]+)\}\{([^}]*)\}#{12}$/;
const STATE = /^Set state for subtask: [^,]+, operation:\s*([A-Z_]+), state: ([A-Z_]+)\s*$/;
/** A logback line's level, just after its timestamp. */
const LEVEL = /^\d{4}-\d\d-\d\d[ T][\d:.,]+\s+(ERROR|WARN|FATAL)\b/;
/** A Java exception, a frame of its trace, or its cause: `x.y.SomeException: …`, `\tat …`, `Caused by: …`, `\t... 6 more`. */
const EXCEPTION = /^(?:(?:[\w$]+\.)+[\w$]*(?:Exception|Error|Throwable)(?::|$)|\s+at\s|Caused by:|\s+\.\.\. \d+ more)/;

export function lineKind(line: string): LineKind {
  if (line.startsWith('#')) return HEADER.test(line) ? 'header' : 'plain';
  if (line.startsWith('Set state')) return STATE.test(line) ? 'state' : 'plain';
  const level = LEVEL.exec(line)?.[1];
  if (level === 'ERROR' || level === 'FATAL') return 'error';
  if (level === 'WARN') return 'warn';
  return EXCEPTION.test(line) ? 'exception' : 'plain';
}

function runAt(index: number, start: number, header: RegExpExecArray | null): LogRun {
  return { index, operation: header?.[1] ?? '', time: header?.[2] ?? '', start, end: start, state: undefined };
}

/** Splits lines [from, lines.length) into runs, continuing `runs` (whose last run may still grow). */
function scanRuns(lines: readonly string[], from: number, runs: LogRun[]): void {
  let current = runs.at(-1);
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    const header = line.startsWith('#') ? HEADER.exec(line) : null;
    if (header || !current) {
      current = runAt(runs.length + 1, i, header);
      runs.push(current);
    }
    current.end = i + 1;
    if (line.startsWith('Set state')) current.state = STATE.exec(line)?.[2] ?? current.state;
  }
}

export function parseLog(text: string): LogModel {
  const lines = text === '' ? [] : text.split('\n');
  const runs: LogRun[] = [];
  scanRuns(lines, 0, runs);
  return { text, lines, runs };
}

/**
 * The model of `text`, reusing `previous` when `text` only adds to it (a running subtask's log):
 * only the new tail is split and scanned. Anything else is parsed afresh.
 */
export function updateLog(previous: LogModel | undefined, text: string): LogModel {
  if (previous?.text === text) return previous;
  const last = previous?.lines.at(-1);
  if (!previous || last === undefined || text.length <= previous.text.length || !text.startsWith(previous.text)) {
    return parseLog(text);
  }
  // The old last line may have been cut short by the poll: split again from its start.
  const from = previous.lines.length - 1;
  const lines = previous.lines.slice(0, from).concat(text.slice(previous.text.length - last.length).split('\n'));
  const runs = previous.runs.map((r) => ({ ...r, end: Math.min(r.end, from) }));
  if (runs.at(-1)?.start === from) runs.pop();
  scanRuns(lines, from, runs);
  return { text, lines, runs };
}

/** The first ERROR or exception line of a run, as a line index; undefined when it has none. */
export function firstErrorLine(model: LogModel, run: LogRun): number | undefined {
  for (let i = run.start; i < run.end; i++) {
    const kind = lineKind(model.lines[i] as string);
    if (kind === 'error' || kind === 'exception') return i;
  }
  return undefined;
}

export interface FailureReason {
  run: LogRun;
  /** Line index of the reason, or undefined when the failed run wrote no error line. */
  line: number | undefined;
  text: string | undefined;
}

/** "Why it failed": the last run that ended FAILED, and its first error or exception line. */
export function whyItFailed(model: LogModel): FailureReason | undefined {
  const run = model.runs.findLast((r) => r.state === 'FAILED');
  if (!run) return undefined;
  const line = firstErrorLine(model, run);
  return { run, line, text: line === undefined ? undefined : model.lines[line] };
}

/** The run a line index belongs to. */
export function runOfLine(model: LogModel, line: number): LogRun | undefined {
  return model.runs.find((r) => line >= r.start && line < r.end);
}
