/** The task page's code, one import shared by the router's lazy page and the preload below. */
export const loadTaskPage = () => import('./pages/TaskPage');

/**
 * Starts downloading a task page's code (page and graph) before React renders: the page chunk came
 * only after the first catalog and the graph chunk only with the task request, so on a cold load the
 * reply of a small task waited ~0.5 s for the graph's code (bench, navigation breakdown of 9100).
 * A failed download is left to the page, which shows it where it renders.
 */
export function preloadRoute(pathname: string): void {
  if (!/^\/(tasks\/|saved$)/.test(pathname)) return;
  void loadTaskPage().catch(() => {});
  void import('../features/task-graph/TaskGraph').catch(() => {});
}
