import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import { generateSubtasks } from './fixtures';
import {
  buildSearchIndex,
  derivedState,
  legendCounts,
  emphasisOf,
  lineageOf,
  matchesStatusFilter,
  orderByPosition,
  searchSubtasks,
  stepThrough,
  type FindState,
  type StatusFilter,
} from './find';
import { buildGraphStructure } from './model';

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'PENDING', operation: 'EXECUTE', ...w }));

// 1 → 2 → 4 → 5, 1 → 3 → 4, 6 alone
const task = parse(
  { id: 1, name: 'Check parameters', status: 'SUCCESSFUL', downstreams: [2, 3] },
  { id: 2, name: 'Install OBServer on 10.0.0.34', status: 'FAILED', upstreams: [1], downstreams: [4], executor: 'ocp-node-a' },
  { id: 3, name: 'Install OBServer on 10.0.0.3', status: 'SUCCESSFUL', upstreams: [1], downstreams: [4] },
  { id: 4, name: 'Start OBServer', upstreams: [2, 3], downstreams: [5] },
  { id: 5, name: 'Finish', upstreams: [4] },
  { id: 6, name: 'Unrelated' },
);
const structure = buildGraphStructure(task);
const none: FindState = { matches: null, statusFilter: new Set(), lineage: null };

describe('search', () => {
  const index = buildSearchIndex(task);

  it('matches name, id and executor host, case-insensitively, every term required', () => {
    expect(searchSubtasks(index, 'install observer on 10.0.0.34')).toEqual(new Set(['2']));
    expect(searchSubtasks(index, '10.0.0.3')).toEqual(new Set(['2', '3']));
    expect(searchSubtasks(index, 'INSTALL  10.0.0.3 ')).toEqual(new Set(['2', '3']));
    expect(searchSubtasks(index, '5')).toEqual(new Set(['5']));
    expect(searchSubtasks(index, 'ocp-node-a')).toEqual(new Set(['2']));
    expect(searchSubtasks(index, 'install finish')).toEqual(new Set());
  });

  it('is off for an empty or blank query', () => {
    expect(searchSubtasks(index, '')).toBeNull();
    expect(searchSubtasks(index, '   ')).toBeNull();
  });

  it('reuses the text of subtasks it has seen and picks up a changed one', () => {
    const renamed = task.map((s) => (s.id === '6' ? { ...s, name: 'Now about 10.0.0.99' } : s));
    const next = buildSearchIndex(renamed);
    expect(next.texts[0]).toBe(index.texts[0]);
    expect(searchSubtasks(next, '10.0.0.99')).toEqual(new Set(['6']));
  });

  it('finds one host among 5,000 subtasks', () => {
    const big = generateSubtasks({ count: 5000 });
    const target = big[4321]!;
    const hits = searchSubtasks(buildSearchIndex(big), target.name);
    expect(hits?.has(target.id)).toBe(true);
  });
});

describe('status filters', () => {
  const ran = { startTime: '2026-12-01T10:00:00+08:00', finishTime: '2026-12-01T10:01:00+08:00' };
  const rolledBack = parse({ id: 1, status: 'PENDING', operation: 'ROLLBACK', ...ran })[0]!;
  const rollbackFailed = parse({ id: 2, status: 'FAILED', operation: 'ROLLBACK', ...ran })[0]!;
  const rollingBack = parse({ id: 3, status: 'RUNNING', operation: 'ROLLBACK', ...ran })[0]!;
  const plainFailed = parse({ id: 4, status: 'FAILED', ...ran })[0]!;
  const pending = parse({ id: 5, status: 'PENDING' })[0]!;
  // A rollback marks every subtask that is not PENDING; one that never ran keeps no times and stays "Pending".
  const neverRan = parse({ id: 6, status: 'PENDING', operation: 'ROLLBACK' })[0]!;
  const rollbackSkipped = parse({ id: 7, status: 'PENDING', operation: 'ROLLBACK_SKIP', ...ran })[0]!;

  it('derives the rollback states OCP has no status for, as the nodes read them', () => {
    expect(derivedState(rolledBack)).toBe('ROLLED_BACK');
    expect(derivedState(rollbackFailed)).toBe('ROLLBACK_FAILED');
    expect(derivedState(rollingBack)).toBe('ROLLING_BACK');
    expect(derivedState(rollbackSkipped)).toBe('ROLLBACK_SKIPPED');
    expect(derivedState(plainFailed)).toBeNull();
    expect(derivedState(neverRan)).toBeNull();
  });

  it('counts Pending without the undone subtasks, so the legend never says a rolled-back subtask is pending', () => {
    const { counts, derived } = legendCounts([rolledBack, rollbackFailed, plainFailed, pending, neverRan, rollbackSkipped]);
    expect(counts.PENDING).toBe(2);
    expect(counts.FAILED).toBe(2);
    expect(derived).toEqual({ ROLLING_BACK: 0, ROLLED_BACK: 1, ROLLBACK_SKIPPED: 1, ROLLBACK_FAILED: 1 });
  });

  it('passes a subtask whose status or derived state is picked, several at once', () => {
    const pick = (...f: StatusFilter[]) => new Set(f);
    expect(matchesStatusFilter(plainFailed, pick('FAILED'))).toBe(true);
    expect(matchesStatusFilter(rollbackFailed, pick('FAILED'))).toBe(true); // "Failed only" includes a failed rollback step
    expect(matchesStatusFilter(plainFailed, pick('ROLLBACK_FAILED'))).toBe(false);
    expect(matchesStatusFilter(rollbackFailed, pick('ROLLBACK_FAILED'))).toBe(true);
    expect(matchesStatusFilter(rolledBack, pick('ROLLED_BACK'))).toBe(true);
    expect(matchesStatusFilter(rolledBack, pick('PENDING'))).toBe(false);
    expect(matchesStatusFilter(neverRan, pick('PENDING'))).toBe(true);
    expect(matchesStatusFilter(neverRan, pick('ROLLED_BACK'))).toBe(false);
    expect(matchesStatusFilter(rollbackSkipped, pick('ROLLBACK_SKIPPED'))).toBe(true);
    expect(matchesStatusFilter(pending, pick('ROLLED_BACK'))).toBe(false);
    expect(matchesStatusFilter(pending, pick('ROLLED_BACK', 'PENDING'))).toBe(true);
  });
});

describe('lineage', () => {
  it('walks the whole upstream and downstream chains, not just neighbours', () => {
    const { upstream, downstream } = lineageOf('4', structure.edges);
    expect(upstream).toEqual(new Set(['1', '2', '3']));
    expect(downstream).toEqual(new Set(['5']));
    expect(lineageOf('6', structure.edges)).toEqual({ upstream: new Set(), downstream: new Set() });
    const ofTwo = lineageOf('2', structure.edges);
    expect(ofTwo.upstream).toEqual(new Set(['1']));
    expect(ofTwo.downstream).toEqual(new Set(['4', '5']));
  });
});

describe('emphasis', () => {
  const byId = (id: string) => task.find((s) => s.id === id)!;

  it('leaves everything plain when nothing is sought', () => {
    expect(task.map((s) => emphasisOf(s, none, null))).toEqual(task.map(() => null));
  });

  it('dims what the search or the filter leaves out; hits stand out', () => {
    const find: FindState = { ...none, matches: new Set(['2', '3']) };
    expect(emphasisOf(byId('2'), find, null)).toBe('match');
    expect(emphasisOf(byId('1'), find, null)).toBe('dim');
    const both: FindState = { ...find, statusFilter: new Set<StatusFilter>(['FAILED']) };
    expect(emphasisOf(byId('2'), both, null)).toBe('match');
    expect(emphasisOf(byId('3'), both, null)).toBe('dim');
  });

  it('with lineage on, the chain stands out and the rest is dimmed', () => {
    const find: FindState = { ...none, lineage: lineageOf('2', structure.edges) };
    expect(['1', '2', '3', '4', '5', '6'].map((id) => emphasisOf(byId(id), find, '2'))).toEqual([
      'lineage',
      null,
      'dim',
      'lineage',
      'lineage',
      'dim',
    ]);
  });
});

describe('stepping through matches', () => {
  const positions = new Map([
    ['a', { x: 100, y: 0 }],
    ['b', { x: 0, y: 50 }],
    ['c', { x: 0, y: 10 }],
  ]);

  it('orders by column, then row, and skips what has no position', () => {
    expect(orderByPosition(['a', 'b', 'c', 'zz'], (id) => positions.get(id))).toEqual(['c', 'b', 'a']);
  });

  it('wraps both ways and starts at an end when nothing is current', () => {
    const order = ['c', 'b', 'a'];
    expect(stepThrough(order, null, 1)).toBe('c');
    expect(stepThrough(order, null, -1)).toBe('a');
    expect(stepThrough(order, 'a', 1)).toBe('c');
    expect(stepThrough(order, 'c', -1)).toBe('a');
    expect(stepThrough(order, 'b', 1)).toBe('a');
    expect(stepThrough([], 'b', 1)).toBeNull();
  });
});
