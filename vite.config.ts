import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { consoleServer } from './server/devServer.ts';
import { routePreload } from './server/routePreload.ts';

const NO_FRAMING = { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' };

export default defineConfig(({ mode }) => {
  // Server-side only: OCP_* never gets a VITE_ prefix, so none of it can reach the bundle.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const port = Number(env.PORT) || 5173;
  const host = env.HOST || 'localhost';

  return {
    // /api, /auth, the health checks and the simulator's controls go through the console's request
    // pipeline (server/pipeline), the same one `npm run serve` runs: the dev server is no open proxy.
    plugins: [
      react(),
      consoleServer({ env }),
      // The task page's code (page, graph, small-task layout): what a task link needs before it can draw.
      routePreload(['src/app/pages/TaskPage.tsx', 'src/features/task-graph/TaskGraph.tsx', 'src/features/task-graph/layout.ts']),
    ],
    // No CORS: other origins (even other localhost ports) get no readable reply from the dev server.
    // No framing either: the dev server's pages carry a live Rollback button, like production's.
    server: { port, host, strictPort: true, cors: false, headers: NO_FRAMING },
    preview: { port, host, strictPort: true, cors: false },
    worker: { format: 'es' },
    // Source maps are written for debugging but not referenced from the bundle, and `serve` does not serve them.
    build: { sourcemap: 'hidden', chunkSizeWarningLimit: 1500 },
  };
});
