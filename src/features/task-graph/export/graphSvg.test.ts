import { describe, expect, it } from 'vitest';
import type { SubtaskInstance } from '../../../api/schemas';
import { PALETTE, SURFACES } from '../../../components/palette';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../../components/subtaskStatus';
import { hiddenMembers, summarizeGroup, visibleEdges } from '../collapse';
import { generateSubtasks } from '../fixtures';
import { NODE_HEIGHT, NODE_WIDTH } from '../geometry';
import { layoutGraph } from '../layout';
import { buildGraphStructure, toLayoutInput } from '../model';
import { buildGraphSvg, type GraphPicture, type GraphSvgOptions } from './graphSvg';
import { fitLines, xmlText } from './svgText';

/** What the canvas draws for these subtasks with these groups collapsed (as useGraphFind derives it). */
function picture(subtasks: SubtaskInstance[], collapse: (groupIds: string[]) => string[] = () => []): GraphPicture {
  const structure = buildGraphStructure(subtasks);
  const collapsed = new Set(collapse(structure.groups.map((g) => g.id)));
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  return {
    layout: layoutGraph(toLayoutInput(structure, collapsed)),
    subtasks,
    edges: visibleEdges(structure.edges, hiddenMembers(structure, collapsed)),
    groups: structure.groups
      .filter((g) => collapsed.has(g.id))
      .map((g) => ({ id: g.id, summary: summarizeGroup(g.memberIds.map((id) => byId.get(id) as SubtaskInstance)) })),
  };
}

const OPTIONS: GraphSvgOptions = { scheme: 'light', title: 'Task 1 · Add zone', subtitle: 'exported now' };

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('svg');
  return doc;
}

const nodes = (doc: Document) => [...doc.querySelectorAll('g.nodes > g.node')];
const edgePaths = (doc: Document) => doc.querySelectorAll('g.edges > path');

describe('buildGraphSvg', () => {
  const subtasks = generateSubtasks({ count: 80, seed: 3 });

  it('is a valid SVG document with one group per subtask and one path per edge', () => {
    const p = picture(subtasks);
    const svg = buildGraphSvg(p, OPTIONS);
    const doc = parse(svg.text);
    expect(nodes(doc)).toHaveLength(subtasks.length);
    expect(svg.nodeCount).toBe(subtasks.length);
    expect(edgePaths(doc)).toHaveLength(p.edges.length);
    expect(svg.edgeCount).toBe(p.edges.length);
    expect(new Set(nodes(doc).map((g) => g.getAttribute('data-id')))).toEqual(new Set(subtasks.map((s) => s.id)));
    // The whole layout fits, at 100 %, under the header.
    expect(svg.width).toBeGreaterThanOrEqual(p.layout.width);
    expect(svg.height).toBeGreaterThan(p.layout.height);
    expect(doc.documentElement.getAttribute('width')).toBe(String(svg.width));
  });

  it('draws each node at its layout position and size, in its status colours for the theme', () => {
    const p = picture(subtasks);
    for (const scheme of ['light', 'dark'] as const) {
      const doc = parse(buildGraphSvg(p, { ...OPTIONS, scheme }).text);
      expect(doc.querySelector('svg > rect')?.getAttribute('fill')).toBe(SURFACES[scheme].page);
      for (const g of nodes(doc)) {
        const s = subtasks.find((x) => x.id === g.getAttribute('data-id')) as SubtaskInstance;
        const { color, tint } = PALETTE[scheme][subtaskDisplayMeta(subtaskDisplayStatus(s)).tone];
        const box = g.querySelector('rect');
        expect(box?.getAttribute('stroke')).toBe(color);
        expect(box?.getAttribute('fill')).toBe(tint);
        expect([box?.getAttribute('width'), box?.getAttribute('height')]).toEqual([String(NODE_WIDTH), String(NODE_HEIGHT)]);
        const pos = p.layout.positions.get(s.id);
        expect(g.getAttribute('transform')).toBe(
          `translate(${Math.round((pos?.x ?? 0) * 10) / 10} ${Math.round((pos?.y ?? 0) * 10) / 10})`,
        );
      }
    }
    const statuses = new Set(subtasks.map((s) => s.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it('says each node’s name, id and status in words', () => {
    const doc = parse(buildGraphSvg(picture(subtasks), OPTIONS).text);
    const failed = subtasks.find((s) => s.status === 'FAILED') as SubtaskInstance;
    const g = nodes(doc).find((e) => e.getAttribute('data-id') === failed.id);
    const words = [...(g?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
    expect(words).toContain('Failed');
    expect(words).toContain('First failure');
    expect(words.some((w) => w?.startsWith(`ID ${failed.id}`))).toBe(true);
    expect(g?.querySelector('title')?.textContent).toBe(`${failed.name} — Failed`);
    expect(doc.querySelector('g.header')?.textContent).toContain('Task 1 · Add zone');
  });

  it('draws a collapsed group as one node, with its edges going to it', () => {
    const full = picture(subtasks);
    const p = picture(subtasks, (ids) => ids.slice(0, 1));
    const group = p.groups[0];
    expect(group).toBeDefined();
    const members = group?.summary.count ?? 0;
    expect(members).toBeGreaterThan(1);
    const doc = parse(buildGraphSvg(p, OPTIONS).text);
    expect(nodes(doc)).toHaveLength(subtasks.length - members + 1);
    const drawn = doc.querySelectorAll(`g.node.group`);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.getAttribute('data-id')).toBe(group?.id);
    expect(drawn[0]?.getAttribute('data-status')).toBe(group?.summary.headline);
    expect(drawn[0]?.textContent).toContain(`Parallel ×${members}`);
    expect(edgePaths(doc)).toHaveLength(p.edges.length);
    expect(p.edges.length).toBeLessThan(full.edges.length);
  });

  it('keeps a hostile name from breaking the document', () => {
    const hostile = '<script>alert("x")</script> & \'quoted\' <&"> \u0001\u001f \ud800 ]]>';
    const [first, ...rest] = subtasks;
    const named = [{ ...(first as SubtaskInstance), name: hostile }, ...rest];
    const svg = buildGraphSvg(picture(named), { ...OPTIONS, title: `Task 1 · ${hostile}` });
    const doc = parse(svg.text);
    expect(doc.querySelector('script')).toBeNull();
    const g = nodes(doc).find((e) => e.getAttribute('data-id') === first?.id);
    expect(g?.querySelector('title')?.textContent).toBe(
      `${hostile.replaceAll('\u0001', '\uFFFD').replaceAll('\u001f', '\uFFFD').replaceAll('\ud800', '\uFFFD')} — Successful`,
    );
    expect(doc.querySelector('svg > title')?.textContent).toContain('<script>alert("x")</script>');
  });

  it('draws only what lies in a view region, at the size asked', () => {
    const p = picture(subtasks);
    const first = p.layout.positions.get(subtasks[0]?.id ?? '') ?? { x: 0, y: 0 };
    const region = { x: first.x - 50, y: first.y - 100, width: 700, height: 300 };
    const svg = buildGraphSvg(p, { ...OPTIONS, view: { region, width: 1400, height: 600 } });
    const doc = parse(svg.text);
    const inside = subtasks.filter((s) => {
      const pos = p.layout.positions.get(s.id);
      if (!pos) return false;
      return (
        pos.x < region.x + region.width &&
        pos.x + NODE_WIDTH > region.x &&
        pos.y < region.y + region.height &&
        pos.y + NODE_HEIGHT > region.y
      );
    });
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(subtasks.length);
    expect(nodes(doc)).toHaveLength(inside.length);
    expect([svg.width, svg.height]).toEqual([1400, 600 + 60]);
    expect(doc.querySelector('svg.graph')?.getAttribute('viewBox')).toBe(`${region.x} ${region.y} 700 300`);
  });
});

describe('svg text', () => {
  it('escapes markup and drops what XML cannot hold', () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('a\u0000b\ud83d\ude00c\udc00')).toBe('a\uFFFDb\ud83d\ude00c\uFFFD');
  });

  it('breaks a long name into lines that fit, cutting the last with an ellipsis', () => {
    const name = 'Install OBServer and start the observer process on host 10.0.0.34 with the new parameters';
    const lines = fitLines(name, 196, 12.5, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.startsWith('Install OBServer')).toBe(true);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(fitLines('Short name', 196, 12.5, 2)).toEqual(['Short name']);
    // CJK characters are a full em wide: fewer fit on a line.
    const zh = fitLines('在主机上安装 OBServer 并启动 observer 进程然后检查参数是否生效', 196, 12.5, 2);
    expect(zh).toHaveLength(2);
    expect(Array.from(zh[0] ?? '').length).toBeLessThan(26);
  });
});
