import type { Connect, Plugin, ResolvedConfig } from 'vite';
import { createSimulatorMiddleware } from './http.ts';
import { readSimulatorConfig } from './simulator.ts';

/**
 * Serves the built-in OCP task API from the dev (`npm start`) and preview servers. vite.config.ts
 * adds it only when OCP_URL is unset; with OCP_URL set, `/api` is proxied to that OCP instead.
 */
export function ocpSimulator(options: { env: Record<string, string | undefined> }): Plugin {
  const mount = (server: { middlewares: Connect.Server; config: ResolvedConfig }) => {
    server.middlewares.use(createSimulatorMiddleware({ env: options.env }));
    const { auth, tickMs } = readSimulatorConfig({ env: options.env });
    const authText = auth ? 'on: admin/admin, viewer/viewer' : 'off';
    server.config.logger.info(
      `[ocp-simulator] /api/v2/tasks is served by the built-in OCP simulator (auth ${authText}, tick ${tickMs} ms). ` +
        'To use a real OCP instead, start with OCP_URL=https://ocp.example:8080 OCP_USERNAME=… OCP_PASSWORD=…',
      { timestamp: true },
    );
  };
  return {
    name: 'ocp-simulator',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
