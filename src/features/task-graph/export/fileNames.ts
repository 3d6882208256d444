/** File names of what the task page exports: `task_<id>.json`, `task_<id>_graph.svg`, `task_<id>_graph_view_50pct.png`… */
import { fileNamePart } from '../../../components/saveFile';

export type GraphExtent = 'whole' | 'view';

export const taskJsonName = (taskId: string) => `task_${fileNamePart(taskId)}.json`;

/** `scale` below 1 (a picture too large for a canvas, drawn smaller) is said in the name: `_40pct`. */
export function graphFileName(taskId: string, extent: GraphExtent, format: 'svg' | 'png', scale = 1): string {
  const view = extent === 'view' ? '_view' : '';
  const scaled = scale < 1 ? `_${Math.max(1, Math.floor(scale * 100))}pct` : '';
  return `task_${fileNamePart(taskId)}_graph${view}${scaled}.${format}`;
}
