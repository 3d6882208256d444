import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import {
  collapsedGroups,
  COLLAPSE_MIN_MEMBERS,
  COLLAPSED_BY_DEFAULT_ABOVE,
  hiddenMembers,
  layoutKey,
  readToggles,
  summarizeGroup,
  togglesFor,
  visibleEdges,
  writeToggles,
} from './collapse';
import { layoutGraph } from './layout';
import { buildGraphStructure, toLayoutInput } from './model';

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'SUCCESSFUL', operation: 'EXECUTE', ...w }));

/** 1 → fan-out of `width` hosts (ids 100…) → 2, then `filler` unrelated subtasks to make the task large or not. */
function fanOut(width: number, filler = 0) {
  const hosts = Array.from({ length: width }, (_, i) => ({ id: 100 + i, parallelIdx: i, upstreams: [1], downstreams: [2] }));
  const rest = Array.from({ length: filler }, (_, i) => ({ id: 10_000 + i }));
  return parse({ id: 1, downstreams: hosts.map((h) => h.id) }, ...hosts, { id: 2, upstreams: hosts.map((h) => h.id) }, ...rest);
}

describe('collapsing parallel groups', () => {
  it('starts collapsed only in a large task, and only for a fan-out of the minimum size', () => {
    const small = buildGraphStructure(fanOut(COLLAPSE_MIN_MEMBERS));
    expect(collapsedGroups(small, new Set())).toEqual(new Set());
    const large = buildGraphStructure(fanOut(COLLAPSE_MIN_MEMBERS, COLLAPSED_BY_DEFAULT_ABOVE));
    expect(collapsedGroups(large, new Set())).toEqual(new Set(['parallel:100']));
    const narrow = buildGraphStructure(fanOut(COLLAPSE_MIN_MEMBERS - 1, COLLAPSED_BY_DEFAULT_ABOVE));
    expect(narrow.groups).toHaveLength(1);
    expect(collapsedGroups(narrow, new Set())).toEqual(new Set());
  });

  it('flips the toggled groups, and the toggles round-trip through the URL', () => {
    const large = buildGraphStructure(fanOut(10, COLLAPSED_BY_DEFAULT_ABOVE));
    const toggles = readToggles(writeToggles(new Set(['parallel:100'])));
    expect(collapsedGroups(large, toggles)).toEqual(new Set());
    expect(togglesFor(large, new Set())).toEqual(new Set(['parallel:100']));
    expect(readToggles('100,abc,')).toEqual(new Set(['parallel:100']));
    expect(writeToggles(new Set())).toBeNull();
  });

  it('keys the layout by the collapsed set, so expanding lays out once and collapsing again hits the cache key', () => {
    const s = buildGraphStructure(fanOut(10));
    expect(layoutKey(s, new Set())).toBe(s.hash);
    expect(layoutKey(s, new Set(['parallel:100']))).not.toBe(s.hash);
    expect(layoutKey(s, new Set(['parallel:100']))).toBe(layoutKey(s, new Set(['parallel:100'])));
  });

  it('routes edges to the group node once and lays the group out as one node', () => {
    const s = buildGraphStructure(fanOut(10));
    const collapsed = new Set(['parallel:100']);
    const hidden = hiddenMembers(s, collapsed);
    expect(hidden.size).toBe(10);
    expect(visibleEdges(s.edges, hidden).map((e) => e.id)).toEqual(['1->parallel:100', 'parallel:100->2']);
    const layout = layoutGraph(toLayoutInput(s, collapsed));
    expect(layout.positions.has('parallel:100')).toBe(true);
    expect(layout.positions.has('100')).toBe(false);
    expect(layout.groupBoxes.size).toBe(0);
  });

  it('says a failure or a running member first, with counts per status', () => {
    const members = parse({ id: 1 }, { id: 2, status: 'RUNNING' }, { id: 3, status: 'FAILED' });
    const summary = summarizeGroup(members);
    expect(summary.headline).toBe('FAILED');
    expect(summary.counts).toMatchObject({ SUCCESSFUL: 1, RUNNING: 1, FAILED: 1 });
    expect(summarizeGroup(members.slice(0, 2)).headline).toBe('RUNNING');
    expect(summarizeGroup(members.slice(0, 1)).headline).toBe('SUCCESSFUL');
  });
});
