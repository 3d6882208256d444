/**
 * The graph as a standalone SVG document, built from the model rather than the screen: on a large task
 * only the nodes near the viewport are elements and far out the graph is a canvas picture, so the DOM
 * holds neither the whole graph nor its text. Positions come from the layout, sizes from geometry.ts,
 * edges as the canvas draws them (a collapsed group in place of its members), colours from the palette
 * of the theme on screen, words in the language on screen.
 */
import i18next from 'i18next';
import { SUBTASK_STATUSES, type SubtaskInstance, type SubtaskStatus } from '../../../api/schemas';
import { formatNumber } from '../../../components/formatting';
import { PALETTE, SURFACES } from '../../../components/palette';
import { SUBTASK_STATUS_META } from '../../../components/status';
import { failuresInOrder, subtaskDisplayMeta, subtaskDisplayStatus, type SubtaskDisplayStatus } from '../../../components/subtaskStatus';
import type { GroupSummary } from '../collapse';
import { COLLAPSED_GROUP_HEIGHT, NODE_HEIGHT, NODE_WIDTH, type Box, type GraphLayout } from '../geometry';
import type { GraphEdge } from '../model';
import { fitLines, xmlText } from './svgText';

/** What the graph draws: the layout, the live subtasks, the drawn edges and the collapsed groups. */
export interface GraphPicture {
  layout: GraphLayout;
  subtasks: readonly SubtaskInstance[];
  /** The edges as drawn (collapsed groups in place of their members). */
  edges: readonly GraphEdge[];
  groups: readonly { id: string; summary: GroupSummary }[];
}

export interface GraphSvgOptions {
  scheme: 'light' | 'dark';
  /** First line of the header (task id and name) and the second (what, when). */
  title: string;
  subtitle: string;
  /** Only this part of the graph (graph units), drawn at `width` × `height`; else all of it at 100 %. */
  view?: { region: Box; width: number; height: number };
}

export interface GraphSvg {
  text: string;
  /** The document's size in CSS pixels. */
  width: number;
  height: number;
  /** Subtasks and collapsed groups drawn, and the edges between what is drawn. */
  nodeCount: number;
  edgeCount: number;
}

const HEADER = 60;
const MARGIN = 24;
const PAD = 12;
const FONT = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;
/** Edges into these are drawn in their colour, as on the canvas: the way to the problem stands out. */
const LOUD_EDGE: ReadonlySet<SubtaskStatus> = new Set(['FAILED', 'RUNNING', 'CANCELING']);

const n = (v: number) => String(Math.round(v * 10) / 10);
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

export function buildGraphSvg(picture: GraphPicture, options: GraphSvgOptions): GraphSvg {
  const { layout, subtasks, edges, groups } = picture;
  const palette = PALETTE[options.scheme];
  const surface = SURFACES[options.scheme];
  const region: Box = options.view?.region ?? {
    x: -MARGIN,
    y: -MARGIN,
    width: layout.width + 2 * MARGIN,
    height: layout.height + 2 * MARGIN,
  };
  const graphWidth = options.view?.width ?? region.width;
  const graphHeight = options.view?.height ?? region.height;
  const width = Math.ceil(Math.max(graphWidth, options.view ? 0 : 480));
  const height = Math.ceil(graphHeight + HEADER);
  const shown = (box: Box) => intersects(box, region);

  const groupIds = new Set(groups.map((g) => g.id));
  const heightOf = (id: string) => (groupIds.has(id) ? COLLAPSED_GROUP_HEIGHT : NODE_HEIGHT);
  const statusOf = new Map<string, SubtaskStatus>(subtasks.map((s) => [s.id, s.status]));
  for (const g of groups) statusOf.set(g.id, g.summary.headline);

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${xmlText(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${surface.page}"/>`,
    `<g class="header">`,
    `<text x="${PAD + 4}" y="26" font-size="16" font-weight="600" fill="${surface.text}">${xmlText(oneLine(options.title, width, 16))}</text>`,
    `<text x="${PAD + 4}" y="46" font-size="12" fill="${surface.dimmed}">${xmlText(oneLine(options.subtitle, width, 12))}</text>`,
    `</g>`,
    `<svg class="graph" x="0" y="${HEADER}" width="${n(graphWidth)}" height="${n(graphHeight)}" viewBox="${n(region.x)} ${n(region.y)} ${n(region.width)} ${n(region.height)}">`,
  ];

  out.push(`<g class="backdrops">`);
  const rollback = palette.ROLLBACK.color;
  for (const [id, box] of layout.groupBoxes) {
    if (!shown(box)) continue;
    out.push(
      `<g data-id="${xmlText(id)}"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="12" fill="${rollback}" fill-opacity="0.08" stroke="${rollback}" stroke-dasharray="5 4"/>`,
      `<text x="${n(box.x + 10)}" y="${n(box.y + 17)}" font-size="12" font-weight="600" fill="${rollback}">${xmlText(i18next.t('graph:group.parallel', { count: box.count }))}</text></g>`,
    );
  }
  out.push(`</g>`, `<g class="edges" fill="none">`);
  let edgeCount = 0;
  for (const e of edges) {
    const s = layout.positions.get(e.source);
    const t = layout.positions.get(e.target);
    if (!s || !t) continue;
    const x1 = s.x + NODE_WIDTH;
    const y1 = s.y + heightOf(e.source) / 2;
    const x2 = t.x;
    const y2 = t.y + heightOf(e.target) / 2;
    if (!shown({ x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1) + 1, height: Math.abs(y2 - y1) + 1 })) continue;
    const bend = Math.max(Math.abs(x2 - x1) / 2, 24);
    const into = statusOf.get(e.target) ?? 'PENDING';
    const stroke = LOUD_EDGE.has(into) ? `stroke="${palette[into].color}" stroke-width="2"` : `stroke="${surface.edge}" stroke-width="1.2"`;
    out.push(`<path d="M${n(x1)} ${n(y1)}C${n(x1 + bend)} ${n(y1)} ${n(x2 - bend)} ${n(y2)} ${n(x2)} ${n(y2)}" ${stroke}/>`);
    edgeCount++;
  }
  out.push(`</g>`, `<g class="nodes">`);

  let nodeCount = 0;
  const words = nodeWords();
  const firstFailure = failuresInOrder(subtasks)[0]?.id;
  for (const s of subtasks) {
    const p = layout.positions.get(s.id);
    if (!p || !shown({ ...p, width: NODE_WIDTH, height: NODE_HEIGHT })) continue;
    out.push(subtaskNode(s, p, s.id === firstFailure, options.scheme, words));
    nodeCount++;
  }
  for (const g of groups) {
    const p = layout.positions.get(g.id);
    if (!p || !shown({ ...p, width: NODE_WIDTH, height: COLLAPSED_GROUP_HEIGHT })) continue;
    out.push(groupNode(g.id, g.summary, p, options.scheme));
    nodeCount++;
  }
  out.push(`</g>`, `</svg>`, `</svg>`, '');
  return { text: out.join('\n'), width, height, nodeCount, edgeCount };
}

function oneLine(text: string, width: number, size: number): string {
  return fitLines(text, width - 2 * (PAD + 4), size, 1)[0] ?? '';
}

/** The words every node repeats, looked up once per document rather than once per node (5,000 nodes). */
function nodeWords() {
  const labels = new Map<SubtaskDisplayStatus, string>();
  const idTemplate = i18next.t('graph:export.nodeId', { id: '\u0000' });
  return {
    label: (display: SubtaskDisplayStatus) => {
      let label = labels.get(display);
      if (label === undefined) labels.set(display, (label = subtaskDisplayMeta(display).label));
      return label;
    },
    id: (id: string) => idTemplate.replace('\u0000', id),
    firstFailure: i18next.t('detail:failure.first'),
    rollback: i18next.t('graph:node.rollbackTag'),
  };
}

function subtaskNode(
  s: SubtaskInstance,
  p: { x: number; y: number },
  firstFailure: boolean,
  scheme: 'light' | 'dark',
  words: ReturnType<typeof nodeWords>,
): string {
  const display = subtaskDisplayStatus(s);
  const label = words.label(display);
  const { color, tint } = PALETTE[scheme][subtaskDisplayMeta(display).tone];
  const surface = SURFACES[scheme];
  const inner = NODE_WIDTH - 2 * PAD;
  const tag = firstFailure ? words.firstFailure : s.operation === 'ROLLBACK' && display !== 'ROLLED_BACK' ? words.rollback : '';
  const name = fitLines(s.name, inner, 12.5, 2);
  const idLine = words.id(s.id) + (s.parallelIdx >= 0 ? `  ∥ ${s.parallelIdx}` : '');
  return [
    `<g class="node" data-id="${xmlText(s.id)}" data-status="${s.status}" transform="translate(${n(p.x)} ${n(p.y)})">`,
    `<title>${xmlText(`${s.name} — ${label}`)}</title>`,
    `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${tint}" stroke="${color}" stroke-width="2"/>`,
    `<text x="${PAD}" y="19" font-size="11" font-weight="700" fill="${color}">${xmlText(label)}</text>`,
    tag
      ? `<text x="${NODE_WIDTH - PAD}" y="19" font-size="10" font-weight="600" text-anchor="end" fill="${color}">${xmlText(tag)}</text>`
      : '',
    ...name.map((line, i) => `<text x="${PAD}" y="${38 + i * 16}" font-size="12.5" fill="${surface.text}">${xmlText(line)}</text>`),
    `<text x="${PAD}" y="${NODE_HEIGHT - 9}" font-size="10.5" fill="${surface.dimmed}">${xmlText(fitLines(idLine, inner, 10.5, 1)[0] ?? '')}</text>`,
    `</g>`,
  ].join('');
}

function groupNode(id: string, summary: GroupSummary, p: { x: number; y: number }, scheme: 'light' | 'dark'): string {
  const headline = SUBTASK_STATUS_META[summary.headline];
  const { color, tint } = PALETTE[scheme][headline.tone];
  const surface = SURFACES[scheme];
  const title = i18next.t('graph:group.collapsed', { count: summary.count });
  const notice = LOUD_EDGE.has(summary.headline)
    ? i18next.t(`graph:group.holds.${summary.headline}`, { count: summary.counts[summary.headline] })
    : '';
  // One status per count, each in its colour; two lines at most.
  const counts = SUBTASK_STATUSES.filter((s) => summary.counts[s] > 0).map((s) => ({
    text: `${SUBTASK_STATUS_META[s].label} ${formatNumber(summary.counts[s])}`,
    color: PALETTE[scheme][s].color,
  }));
  const half = Math.ceil(counts.length / 2);
  const lines = counts.length > 2 ? [counts.slice(0, half), counts.slice(half)] : [counts];
  const top = notice ? 62 : 46;
  return [
    `<g class="node group" data-id="${xmlText(id)}" data-status="${summary.headline}" transform="translate(${n(p.x)} ${n(p.y)})">`,
    `<title>${xmlText([title, notice].filter(Boolean).join(' — '))}</title>`,
    `<rect width="${NODE_WIDTH}" height="${COLLAPSED_GROUP_HEIGHT}" rx="8" fill="${tint}" stroke="${color}" stroke-width="2"/>`,
    `<rect x="4" y="4" width="${NODE_WIDTH - 8}" height="${COLLAPSED_GROUP_HEIGHT - 8}" rx="6" fill="none" stroke="${color}" stroke-opacity="0.5" stroke-dasharray="4 3"/>`,
    `<text x="${PAD}" y="24" font-size="12.5" font-weight="700" fill="${surface.text}">${xmlText(title)}</text>`,
    notice ? `<text x="${PAD}" y="42" font-size="11" font-weight="700" fill="${color}">${xmlText(notice)}</text>` : '',
    ...lines.map(
      (line, i) =>
        `<text x="${PAD}" y="${top + i * 16}" font-size="10.5">${line
          .map((c) => `<tspan fill="${c.color}">${xmlText(c.text)}</tspan>`)
          .join(`<tspan fill="${surface.dimmed}"> · </tspan>`)}</text>`,
    ),
    `</g>`,
  ].join('');
}
