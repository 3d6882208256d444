/**
 * `npm run serve`: the production server. Serves `dist/` (from `npm run build`) with the request
 * pipeline in front of OCP, or of the built-in simulator when OCP_URL is unset. See README "Deploying".
 */
import { startConsole } from './start.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = process.env;
  const running = await startConsole({ env, distDir: env.DIST_DIR || 'dist' });
  const { config } = running;
  await running.app.listen({ port: config.port, host: config.host });
  const scheme = config.tls ? 'https' : 'http';
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`OCP task console on ${scheme}://${shownHost}:${config.port}/`);
  for (const line of running.describe()) console.log(`  ${line}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then exiting`);
    // In-flight requests finish; a hung one cannot hold the process past the grace period.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(`Cannot start the console: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
