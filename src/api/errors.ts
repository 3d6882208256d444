import i18next from 'i18next';
import type { core } from 'zod/mini';
import type { ConsoleFault } from './consoleProtocol';

export type ApiErrorKind = 'http' | 'network' | 'schema';

/**
 * Everything that can go wrong talking to OCP, in one type the UI can explain:
 * an HTTP error with OCP's code/message/traceId, a network failure, or a reply that does not match the contract.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when no reply arrived. */
  readonly status: number;
  /** OCP `error.code`, when the reply carried one (401 replies do not). */
  readonly code: number | undefined;
  readonly traceId: string | undefined;
  /** For schema errors: the dotted path of the first offending field, e.g. `data.subtasks.3.status`. */
  readonly field: string | undefined;
  /** Which fault the console's own server reported (timeout, redirect, sign-in required…), when it did. */
  readonly fault: ConsoleFault | undefined;
  /** No reply within the console's own time limit (network kind). */
  readonly timedOut: boolean;

  constructor(init: {
    kind: ApiErrorKind;
    message: string;
    status?: number;
    code?: number | undefined;
    traceId?: string | undefined;
    field?: string | undefined;
    fault?: ConsoleFault | undefined;
    timedOut?: boolean;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.traceId = init.traceId;
    this.field = init.field;
    this.fault = init.fault;
    this.timedOut = init.timedOut ?? false;
  }

  /** 4xx: asking again will not help. */
  get isClientError(): boolean {
    return this.kind === 'http' && this.status >= 400 && this.status < 500;
  }

  /**
   * Network failures and 5xx are worth retrying, except a timeout (someone already waited the full
   * limit: retrying three times would keep the operator waiting minutes for the error) and an OCP
   * that answers with a login page or redirect (asking again gets the same).
   */
  get isRetryable(): boolean {
    if (this.timedOut || NOT_RETRYABLE_FAULTS.has(this.fault)) return false;
    return this.kind === 'network' || (this.kind === 'http' && this.status >= 500);
  }
}

const NOT_RETRYABLE_FAULTS = new Set<ConsoleFault | undefined>([
  'connect-timeout',
  'reply-timeout',
  'redirect',
  'not-json',
  'sign-in-required',
]);

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** `data.subtasks.3.status` for the first issue of a zod error, with what was expected there. */
export function describeZodError(err: core.$ZodError, root: string): { field: string; message: string } {
  const issue = err.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return { field, message: issue ? issueMessage(issue) : i18next.t('errors:zod.invalid') };
}

/**
 * zod/mini ships no locale (its messages are all "Invalid input"), so the few issue kinds a reply can
 * raise are worded here, saying what was expected.
 */
function issueMessage(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return i18next.t('errors:zod.expectedType', { type: issue.expected });
    case 'invalid_value':
      return i18next.t('errors:zod.expectedOneOf', { values: issue.values.map((v) => String(v)).join(', ') });
    case 'invalid_union':
      return i18next.t('errors:zod.noForm');
    default:
      return issue.message;
  }
}
