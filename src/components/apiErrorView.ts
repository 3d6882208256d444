import i18next from 'i18next';
import { isApiError, type ApiError } from '../api/errors';
import { OcpErrorCode } from '../api/schemas';

export interface ErrorDetail {
  label: string;
  value: string;
}

/** How the UI explains a failure: wording plus which ways out to offer. */
export interface ErrorView {
  title: string;
  message: string;
  /** Facts an operator can quote to an OCP administrator (HTTP status, OCP code, traceId, field). */
  details: ErrorDetail[];
  /** Asking again may help (network, 5xx, credentials fixed on the server). */
  retry: boolean;
  /** Offer a way back to the task list. */
  backLink: boolean;
}

export interface ErrorContext {
  /** The task being loaded, to name it in "Task N does not exist". */
  taskId?: string | undefined;
}

const t = (key: string, options?: Record<string, unknown>) => i18next.t(`errors:view.${key}`, options);

/**
 * Turns any error from the OCP client into operator wording (the `errors` catalog). Pure, so every
 * case is unit-tested; ErrorState renders the result. Components calling it load the catalog first
 * (`useTranslation('errors')`).
 */
export function apiErrorView(error: unknown, context: ErrorContext = {}): ErrorView {
  if (!isApiError(error)) {
    return {
      title: t('unknown.title'),
      message: error instanceof Error ? error.message : String(error),
      details: [],
      retry: true,
      backLink: true,
    };
  }
  const details = detailsOf(error);
  const reason = error.message;
  const view = (key: string, retry: boolean, backLink: boolean, extra: Record<string, unknown> = {}): ErrorView => ({
    title: t(`${key}.title`, extra),
    message: t(`${key}.message`, { reason, ...extra }),
    details,
    retry,
    backLink,
  });

  switch (error.fault) {
    case 'sign-in-required':
      return view('signInRequired', false, false);
    case 'reply-timeout':
      return view('replyTimeout', true, true);
    case 'connect-timeout':
    case 'unreachable':
      return view('unreachable', true, false);
    case 'redirect':
      return view('redirect', true, false);
    case 'not-json':
      return view('notJson', true, true);
    case 'cross-site':
    case 'not-allowed':
      return view('refusedByConsole', false, true);
    case undefined:
      break;
  }

  if (error.kind === 'network') {
    if (error.timedOut) return view('timedOut', true, true);
    // A status means the reply had begun: the connection died mid-body.
    return error.status ? view('cutOff', true, true) : view('network', true, false);
  }
  if (error.kind === 'schema') return view('schema', true, true, { field: error.field ?? t('schema.unknownField') });
  return httpView(error, context, details);
}

function httpView(error: ApiError, context: ErrorContext, details: ErrorDetail[]): ErrorView {
  const reason = error.message;
  if (error.status === 404 || error.code === OcpErrorCode.NOT_FOUND) {
    return {
      title: context.taskId ? t('notFound.titleTask', { taskId: context.taskId }) : t('notFound.title'),
      message: t('notFound.message', { reason }),
      details,
      retry: false,
      backLink: true,
    };
  }
  if (error.status === 401) {
    return {
      title: t('notLoggedIn.title'),
      message: t('notLoggedIn.message'),
      details: [{ label: t('notLoggedIn.ocpSays'), value: reason }, ...details],
      retry: true,
      backLink: false,
    };
  }
  if (error.status === 403 || error.code === OcpErrorCode.ACCESS_DENIED) {
    return { title: t('forbidden.title'), message: t('forbidden.message', { reason }), details, retry: false, backLink: true };
  }
  if (error.status >= 500) {
    return { title: t('serverError.title', { status: error.status }), message: reason, details, retry: true, backLink: true };
  }
  return { title: t('refused.title', { status: error.status }), message: reason, details, retry: false, backLink: true };
}

function detailsOf(error: ApiError): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (error.status) details.push({ label: t('detail.status'), value: String(error.status) });
  if (error.code !== undefined) details.push({ label: t('detail.code'), value: String(error.code) });
  if (error.field) details.push({ label: t('detail.field'), value: error.field });
  if (error.traceId) details.push({ label: t('detail.traceId'), value: error.traceId });
  return details;
}
