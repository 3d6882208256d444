/**
 * Layout quality from rendered node boxes: overlapping pairs (sweep over x) and edges that do not
 * point from a lower x to a higher x (left-to-right ranks). Edges with an endpoint that is not
 * rendered (collapsed into a group, or never drawn) are counted as unchecked, not as passing.
 */

const EPS = 0.5; // sub-pixel rounding of transforms is not an overlap

const contains = (outer, inner) =>
  inner.x >= outer.x - EPS &&
  inner.y >= outer.y - EPS &&
  inner.x + inner.w <= outer.x + outer.w + EPS &&
  inner.y + inner.h <= outer.y + outer.h + EPS;

/**
 * Pairs of boxes that intersect. A box nested entirely inside a non-subtask node (a parallel group's
 * backdrop) is containment, not overlap; two subtasks on top of each other always count.
 */
export function countOverlaps(boxes, isSubtask = (/** @type {string} */ _id) => true) {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  let overlaps = 0;
  const examples = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.x >= a.x + a.w - EPS) break;
      if (!(b.y < a.y + a.h - EPS && a.y < b.y + b.h - EPS)) continue;
      if ((!isSubtask(a.id) && contains(a, b)) || (!isSubtask(b.id) && contains(b, a))) continue;
      overlaps++;
      if (examples.length < 5) examples.push([a.id, b.id]);
    }
  }
  return { overlaps, examples };
}

export function checkEdges(edges, boxesById) {
  let backward = 0;
  let unchecked = 0;
  const examples = [];
  for (const { source, target } of edges) {
    const s = boxesById.get(source);
    const t = boxesById.get(target);
    if (!s || !t) {
      unchecked++;
      continue;
    }
    if (!(s.x < t.x)) {
      backward++;
      if (examples.length < 5) examples.push([source, target]);
    }
  }
  return { checked: edges.length - unchecked, backward, unchecked, examples };
}

/** `boxes`: `{ id, x, y, w, h }` in flow coordinates; `graph`: `{ nodes, edges }` from the task reply. */
export function layoutQuality(boxes, graph) {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const subtaskIds = new Set(graph.nodes);
  const measured = [...byId.keys()];
  return {
    nodesMeasured: byId.size,
    subtasksMeasured: measured.filter((id) => subtaskIds.has(id)).length,
    otherNodes: measured.filter((id) => !subtaskIds.has(id)).length,
    overlaps: countOverlaps([...byId.values()], (id) => subtaskIds.has(id)),
    edges: checkEdges(graph.edges, byId),
  };
}

/**
 * Edge crossings of a left-to-right layout, counted the same way for every engine: each edge a straight
 * segment from the middle of its source's right side to the middle of its target's left side; two
 * edges cross when their segments properly intersect (edges sharing an end never count). A sweep over
 * x keeps it near-linear for layered layouts, where most edges span one rank gap.
 */
export function countCrossings(boxes, edges) {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const segs = [];
  for (const { source, target } of edges) {
    const s = byId.get(source);
    const t = byId.get(target);
    if (!s || !t) continue;
    const a = { x: s.x + s.w, y: s.y + s.h / 2 };
    const b = { x: t.x, y: t.y + t.h / 2 };
    segs.push({ source, target, a, b, minX: Math.min(a.x, b.x), maxX: Math.max(a.x, b.x) });
  }
  segs.sort((p, q) => p.minX - q.minX);
  const cross = (o, p, q) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  let crossings = 0;
  for (let i = 0; i < segs.length; i++) {
    const e = segs[i];
    for (let j = i + 1; e && j < segs.length; j++) {
      const f = segs[j];
      if (!f || f.minX >= e.maxX) break;
      if (e.source === f.source || e.source === f.target || e.target === f.source || e.target === f.target) continue;
      const d1 = cross(e.a, e.b, f.a);
      const d2 = cross(e.a, e.b, f.b);
      const d3 = cross(f.a, f.b, e.a);
      const d4 = cross(f.a, f.b, e.b);
      if (d1 * d2 < 0 && d3 * d4 < 0) crossings++;
    }
  }
  return crossings;
}

/**
 * Whether the drawn nodes sit where the full layout (computed in Node) puts them, so that the full
 * layout's quality stands for what the browser draws. Compares subtasks drawn under their own id.
 */
export function compareWithLayout(boxes, positions, tolerance = 1) {
  const expected = new Map(positions.map((p) => [p.id, p]));
  let compared = 0;
  let mismatched = 0;
  const examples = [];
  for (const b of boxes) {
    const p = expected.get(b.id);
    if (!p) continue;
    compared++;
    if (Math.abs(p.x - b.x) > tolerance || Math.abs(p.y - b.y) > tolerance) {
      mismatched++;
      if (examples.length < 3) examples.push({ id: b.id, drawn: [b.x, b.y], layout: [p.x, p.y] });
    }
  }
  return { compared, mismatched, examples };
}
