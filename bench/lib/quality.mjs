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
