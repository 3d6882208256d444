import { isApiError } from '../api/errors';
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

/**
 * Turns any error from the OCP client into operator wording. Pure, so every case is unit-tested;
 * ErrorState renders the result.
 */
export function apiErrorView(error: unknown, context: ErrorContext = {}): ErrorView {
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong',
      message: error instanceof Error ? error.message : String(error),
      details: [],
      retry: true,
      backLink: true,
    };
  }

  const details = detailsOf(error);
  const ocpMessage = error.message;

  if (error.kind === 'network') {
    return {
      title: 'Cannot reach the OCP server',
      message:
        'The console got no reply. Check the network and that the server running the console can reach OCP, then retry.',
      details,
      retry: true,
      backLink: false,
    };
  }

  if (error.kind === 'schema') {
    const field = error.field ?? '(unknown field)';
    return {
      title: 'OCP sent a reply the console does not understand',
      message: `The field ${field} is not what the console expects. ${ocpMessage}`,
      details,
      retry: true,
      backLink: true,
    };
  }

  if (error.status === 404 || error.code === OcpErrorCode.NOT_FOUND) {
    return {
      title: context.taskId ? `Task ${context.taskId} does not exist` : 'Not found',
      message: `${ocpMessage} Check the id, or pick the task from the list.`,
      details,
      retry: false,
      backLink: true,
    };
  }

  if (error.status === 401) {
    return {
      title: 'Not logged in to OCP',
      message:
        'OCP refused the console’s credentials. Check OCP_USERNAME and OCP_PASSWORD in the environment of the server running the console, restart it, then retry.',
      details: [{ label: 'OCP says', value: ocpMessage }, ...details],
      retry: true,
      backLink: false,
    };
  }

  if (error.status === 403 || error.code === OcpErrorCode.ACCESS_DENIED) {
    return {
      title: 'Not authorized',
      message: `${ocpMessage} Viewing tasks needs the TASK_VIEWER permission; rollback and other actions need TASK_MANAGER.`,
      details,
      retry: false,
      backLink: true,
    };
  }

  if (error.status >= 500) {
    return {
      title: `OCP server error (HTTP ${error.status})`,
      message: ocpMessage,
      details,
      retry: true,
      backLink: true,
    };
  }

  return {
    title: `OCP refused the request (HTTP ${error.status})`,
    message: ocpMessage,
    details,
    retry: false,
    backLink: true,
  };
}

function detailsOf(error: {
  status: number;
  code: number | undefined;
  traceId: string | undefined;
  field: string | undefined;
}): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (error.status) details.push({ label: 'HTTP status', value: String(error.status) });
  if (error.code !== undefined) details.push({ label: 'OCP code', value: String(error.code) });
  if (error.field) details.push({ label: 'Field', value: error.field });
  if (error.traceId) details.push({ label: 'Trace id', value: error.traceId });
  return details;
}
