import type { FastifyBaseLogger } from 'fastify';

/**
 * One JSON line per state-changing request (and per sign-in / sign-out), through the server's pino
 * logger with `log: "audit"` so it can be routed apart. Built from named fields only: no header,
 * password or Authorization value can slip in.
 */
export interface AuditEntry {
  user: string;
  client: string;
  action: string;
  taskId?: string | undefined;
  subtaskId?: string | undefined;
  /** OCP's HTTP status, or the console's own when OCP was not reached. */
  status: number;
  code?: number | undefined;
  traceId?: string | undefined;
  outcome: 'ok' | 'refused' | 'failed';
  /** Why, when the console itself refused or failed (never OCP's address). */
  reason?: string | undefined;
}

export type Audit = (entry: AuditEntry) => void;

export function createAudit(logger: FastifyBaseLogger): Audit {
  const log = logger.child({ log: 'audit' });
  return (entry) => log.info(entry, `audit ${entry.action} ${entry.outcome}`);
}

/** OCP's status, code and traceId from a (buffered) reply body, when it is OCP's envelope. */
export function envelopeFacts(body: string): { code: number | undefined; traceId: string | undefined } {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return { code: undefined, traceId: undefined };
    const { error, traceId } = parsed as { error?: { code?: unknown }; traceId?: unknown };
    return {
      code: typeof error?.code === 'number' ? error.code : undefined,
      traceId: typeof traceId === 'string' ? traceId.slice(0, 128) : undefined,
    };
  } catch {
    return { code: undefined, traceId: undefined };
  }
}
