/** The Export menu's graph files: which part of the graph, with which header, as SVG. */
import i18next from 'i18next';
import type { TaskInstance } from '../../../api/schemas';
import { formatDateTime } from '../../../components/formatting';
import type { GraphExtent } from './fileNames';
import { buildGraphSvg, type GraphSvg } from './graphSvg';
import type { GraphSnapshot } from './snapshotSource';

/** The graph as an SVG document: all of it at 100 %, or the screen's rectangle at the screen's zoom. */
export function graphSvgOf(
  snapshot: GraphSnapshot,
  extent: GraphExtent,
  task: Pick<TaskInstance, 'id' | 'name' | 'subtasks'>,
  scheme: 'light' | 'dark',
  now = new Date(),
): GraphSvg {
  const { viewport, pane } = snapshot;
  const words = { count: task.subtasks.length, time: formatDateTime(now.toISOString()) };
  const title = i18next.t('graph:export.title', { id: task.id, name: task.name });
  if (extent === 'whole') return buildGraphSvg(snapshot, { scheme, title, subtitle: i18next.t('graph:export.subtitleWhole', words) });
  const { x, y, zoom } = viewport;
  const region = { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom };
  return buildGraphSvg(snapshot, {
    scheme,
    title,
    subtitle: i18next.t('graph:export.subtitleView', { ...words, zoom: Math.round(zoom * 100) }),
    view: { region, width: pane.width, height: pane.height },
  });
}
