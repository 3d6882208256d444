import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { CONSOLE_ERROR_HEADER, type ConsoleFault } from '../../src/api/consoleProtocol.ts';

/** A short hex id like OCP's traceId; sent to OCP as x-trace-id so audit lines and OCP's logs line up. */
export function newTraceId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * An error the console's server answers itself, in OCP's error envelope (so the app reads it like
 * any OCP error) and marked with which fault it was.
 */
export function sendConsoleError(
  reply: FastifyReply,
  status: number,
  fault: ConsoleFault,
  message: string,
  traceId = newTraceId(),
): FastifyReply {
  return reply
    .code(status)
    .header(CONSOLE_ERROR_HEADER, fault)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(
      JSON.stringify({
        error: { message },
        server: 'ocp-task-console',
        status,
        successful: false,
        timestamp: new Date().toISOString(),
        traceId,
      }),
    );
}
