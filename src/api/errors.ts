import type { core } from 'zod/mini';

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

  constructor(init: {
    kind: ApiErrorKind;
    message: string;
    status?: number;
    code?: number | undefined;
    traceId?: string | undefined;
    field?: string | undefined;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.traceId = init.traceId;
    this.field = init.field;
  }

  /** 4xx: asking again will not help. */
  get isClientError(): boolean {
    return this.kind === 'http' && this.status >= 400 && this.status < 500;
  }

  /** Network failures and 5xx are worth retrying. */
  get isRetryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && this.status >= 500);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** `data.subtasks.3.status` for the first issue of a zod error, with what was expected there. */
export function describeZodError(err: core.$ZodError, root: string): { field: string; message: string } {
  const issue = err.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return { field, message: issue ? issueMessage(issue) : 'invalid value' };
}

/**
 * zod/mini ships no locale (its messages are all "Invalid input"), so the few issue kinds a reply can
 * raise are worded here, saying what was expected.
 */
function issueMessage(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return 'not of any accepted form';
    default:
      return issue.message;
  }
}
