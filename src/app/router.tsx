import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { TaskListPageSkeleton, TaskPageSkeleton } from './pages/PageSkeletons';
import { loadTaskPage } from './preload';
import { useRawSearch } from './useRawSearch';

// One chunk per page: the task page never downloads the list's filters and table, the list never
// downloads the task page's header, actions and panel.
const TaskListPage = lazy(() => import('./pages/TaskListPage').then((m) => ({ default: m.TaskListPage })));
const TaskPage = lazy(() => loadTaskPage().then((m) => ({ default: m.TaskPage })));
const SavedTaskPage = lazy(() => import('./pages/SavedTaskPage').then((m) => ({ default: m.SavedTaskPage })));
const SignInPage = lazy(() => import('../features/auth/SignInPage').then((m) => ({ default: m.SignInPage })));

/**
 * `/` the task list, `/tasks/:taskInstanceId` one task, `/saved` a task opened from a file (read-only),
 * `/sign-in` the sign-in page (per-user sign-in mode), anything else a not-found page.
 * A page that throws (or whose code fails to download) gets an error in place of the page, under
 * the top bar; the outer boundary catches the top bar itself. Both clear when the location changes.
 */
export function AppRoutes() {
  const { t } = useTranslation();
  const [path] = useLocation();
  const location = path + useRawSearch();
  return (
    <ErrorBoundary region={t('region.page')} resetKey={location} backLink reload level={1}>
      <AppLayout>
        <ErrorBoundary region={t('region.page')} resetKey={location} backLink reload level={1}>
          <Switch>
            <Route path="/">
              <Suspense fallback={<TaskListPageSkeleton />}>
                <TaskListPage />
              </Suspense>
            </Route>
            <Route path="/sign-in">
              <Suspense fallback={null}>
                <SignInPage />
              </Suspense>
            </Route>
            <Route path="/saved">
              <Suspense fallback={<TaskPageSkeleton />}>
                <SavedTaskPage />
              </Suspense>
            </Route>
            <Route path="/tasks/:taskInstanceId">
              <Suspense fallback={<TaskPageSkeleton />}>
                <TaskPage />
              </Suspense>
            </Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </ErrorBoundary>
      </AppLayout>
    </ErrorBoundary>
  );
}
