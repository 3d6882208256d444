import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { TaskListPage } from './pages/TaskListPage';
import { TaskPage } from './pages/TaskPage';
import { RouteError } from './RouteError';

/**
 * `/` the task list, `/tasks/:taskInstanceId` one task, anything else a not-found page.
 * The inner errorElement keeps the top bar when a page throws; the outer one catches the layout itself.
 */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <TaskListPage /> },
          { path: 'tasks/:taskInstanceId', element: <TaskPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
