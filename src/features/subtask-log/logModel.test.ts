import { describe, expect, it } from 'vitest';
import { firstErrorLine, lineKind, parseLog, runOfLine, updateLog, whyItFailed } from './logModel';

const H = (op: string, t = '2024-03-01T10:00:01.5+08:00') => `############{${op}}{${t}}############`;
const S = (op: string, state: string) => `Set state for subtask: 42, operation:${op}, state: ${state}`;
const info = (m: string) => `2024-03-01 10:00:02.120 INFO  [task-executor-3] c.o.o.s.t.e.SubtaskExecutor - ${m}`;
const warn = (m: string) => `2024-03-01 10:00:02.120 WARN  [task-executor-3] c.o.o.a.c.AgentClient - ${m}`;
const error = (m: string) => `2024-03-01 10:00:03.001 ERROR [task-executor-3] c.o.o.s.t.e.SubtaskExecutor - ${m}`;

const LOG = [
  H('EXECUTE'),
  info('start'),
  warn('slow agent'),
  error('Execute subtask 42 failed: disk full'),
  'com.oceanbase.ocp.core.exception.OcpException: disk full',
  '\tat a.b.C.d(C.java:1)',
  S('EXECUTE', 'FAILED'),
  H('RETRY', '2024-03-01T10:05:00+08:00'),
  info('start again'),
  'java.io.IOException: still full',
  '\tat a.b.C.d(C.java:1)',
  error('Execute subtask 42 failed: still full'),
  S('RETRY', 'FAILED'),
  H('ROLLBACK', '2024-03-01T10:09:00+08:00'),
  info('undo'),
  S('ROLLBACK', 'PENDING'),
].join('\n');

describe('parseLog', () => {
  it('splits runs at their headers, with operation, time, line range and closing state', () => {
    const m = parseLog(LOG);
    expect(m.lines).toHaveLength(16);
    expect(m.runs.map(({ index, operation, time, start, end, state }) => [index, operation, time, start, end, state])).toEqual([
      [1, 'EXECUTE', '2024-03-01T10:00:01.5+08:00', 0, 7, 'FAILED'],
      [2, 'RETRY', '2024-03-01T10:05:00+08:00', 7, 13, 'FAILED'],
      [3, 'ROLLBACK', '2024-03-01T10:09:00+08:00', 13, 16, 'PENDING'],
    ]);
    expect(runOfLine(m, 8)?.index).toBe(2);
  });

  it('an empty log has no lines and no runs; text before any header is a run of its own', () => {
    expect(parseLog('')).toMatchObject({ lines: [], runs: [] });
    const m = parseLog(['stray line', H('EXECUTE'), info('x')].join('\n'));
    expect(m.runs.map((r) => [r.operation, r.start, r.end])).toEqual([
      ['', 0, 1],
      ['EXECUTE', 1, 3],
    ]);
  });

  it('a run still going has no state', () => {
    expect(parseLog([H('EXECUTE'), info('working')].join('\n')).runs[0]?.state).toBeUndefined();
  });
});

describe('lineKind', () => {
  it('marks headers, state lines, ERROR/WARN levels and Java exception lines; nothing else', () => {
    expect(lineKind(H('EXECUTE'))).toBe('header');
    expect(lineKind(S('EXECUTE', 'FAILED'))).toBe('state');
    expect(lineKind(error('x'))).toBe('error');
    expect(lineKind(warn('x'))).toBe('warn');
    expect(lineKind('com.oceanbase.ocp.core.exception.OcpException: boom')).toBe('exception');
    expect(lineKind('java.lang.OutOfMemoryError')).toBe('exception');
    expect(lineKind('\tat java.lang.Thread.run(Thread.java:750)')).toBe('exception');
    expect(lineKind('Caused by: java.io.IOException: x')).toBe('exception');
    expect(lineKind('\t... 6 more')).toBe('exception');
    expect(lineKind(info('the word ERROR inside a message is not a level'))).toBe('plain');
    expect(lineKind(info('NullPointerException handled'))).toBe('plain');
    expect(lineKind('############ not a header')).toBe('plain');
  });
});

describe('whyItFailed', () => {
  it('is the first error or exception line of the last run that ended FAILED', () => {
    const m = parseLog(LOG);
    const why = whyItFailed(m);
    expect(why?.run.index).toBe(2);
    expect(why?.line).toBe(9);
    expect(why?.text).toBe('java.io.IOException: still full');
    expect(firstErrorLine(m, m.runs[0]!)).toBe(3);
  });

  it('is undefined without a failed run; a failed run without an error line has no line', () => {
    expect(whyItFailed(parseLog([H('EXECUTE'), S('EXECUTE', 'SUCCESSFUL')].join('\n')))).toBeUndefined();
    const why = whyItFailed(parseLog([H('EXECUTE'), info('x'), S('EXECUTE', 'FAILED')].join('\n')));
    expect([why?.run.index, why?.line]).toEqual([1, undefined]);
  });
});

describe('updateLog', () => {
  it('gives the same model as parsing the whole text, however the text was cut between polls', () => {
    for (let cut = 1; cut < LOG.length; cut += 7) {
      const grown = updateLog(parseLog(LOG.slice(0, cut)), LOG);
      expect(grown.lines, `cut at ${cut}`).toEqual(parseLog(LOG).lines);
      expect(grown.runs, `cut at ${cut}`).toEqual(parseLog(LOG).runs);
    }
  });

  it('reuses the model when nothing changed and reparses when the text is not an append', () => {
    const m = parseLog(LOG);
    expect(updateLog(m, LOG)).toBe(m);
    expect(updateLog(m, 'other').lines).toEqual(['other']);
    expect(updateLog(undefined, LOG).runs).toHaveLength(3);
  });

  it('keeps the line arrays it already had (appending does not copy strings)', () => {
    const before = parseLog(LOG.slice(0, 200));
    const after = updateLog(before, LOG);
    expect(after.lines[0]).toBe(before.lines[0]);
    expect(before.runs).toEqual(parseLog(LOG.slice(0, 200)).runs); // the old model is untouched
  });
});
