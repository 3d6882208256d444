import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '../components/ErrorState';

/** The router's last line of defence: an error thrown while rendering a route still gets words, not a white screen. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    return (
      <ErrorState
        title={error.status === 404 ? 'Page not found' : `Error ${error.status}`}
        message={error.statusText || 'The page could not be shown.'}
        backLink
      />
    );
  }
  return (
    <ErrorState
      title="The page failed to render"
      message={error instanceof Error ? error.message : String(error)}
      onRetry={() => window.location.reload()}
      retryLabel="Reload"
      backLink
    />
  );
}
