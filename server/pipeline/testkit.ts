import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE } from '../../src/api/consoleProtocol.ts';
import type { Env } from '../config.ts';
import { startConsole, type RunningConsole } from '../start.ts';

/** What Fastify's inject uses as Host, hence the console's own origin in these tests. */
export const ORIGIN = 'http://localhost:80';
export const SAME_ORIGIN_POST = { origin: ORIGIN, 'sec-fetch-site': 'same-origin', [CONSOLE_HEADER.toLowerCase()]: CONSOLE_HEADER_VALUE };

export interface TestConsole extends RunningConsole {
  /** Every JSON log line written so far. */
  logs(): Record<string, unknown>[];
  rawLogs: string[];
  simStats(): Promise<{ apiRequests: number; rollbackRequests: Record<string, number> }>;
}

/** The console as `serve` builds it (no dist), its logs captured; the simulator upstream unless OCP_URL is given. */
export async function startTestConsole(env: Env): Promise<TestConsole> {
  const rawLogs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      rawLogs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const running = await startConsole({ env: { LOG_LEVEL: 'info', ...env }, logStream, handOff: true });
  return Object.assign(running, {
    rawLogs,
    logs() {
      return rawLogs.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    async simStats() {
      const res = await running.app.inject({ method: 'GET', url: '/__simulator/stats' });
      return res.json<{ apiRequests: number; rollbackRequests: Record<string, number> }>();
    },
  });
}

/** A stand-in OCP that records what reaches it and answers with `answer`. */
export interface RecordingOcp {
  url: string;
  seen: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startRecordingOcp(
  answer: (req: { method: string; url: string; headers: IncomingHttpHeaders }) => { status: number; body: unknown } = () => ({
    status: 200,
    body: {
      data: { contents: [], page: { number: 1, size: 1, totalElements: 0, totalPages: 0 } },
      status: 200,
      successful: true,
      traceId: 'ocp-trace-1',
    },
  }),
): Promise<RecordingOcp> {
  const seen: RecordingOcp['seen'] = [];
  const server: Server = createServer((req, res) => {
    const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    seen.push(r);
    const { status, body } = answer(r);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
