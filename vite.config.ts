import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { ocpProxyConfig, readOcpTarget } from './server/proxy/ocpProxy.ts';
import { ocpSimulator } from './server/simulator/vitePlugin.ts';

export default defineConfig(({ mode }) => {
  // Server-side only: OCP_* never gets a VITE_ prefix, so none of it can reach the bundle.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const target = readOcpTarget(env);
  const port = Number(env.PORT) || 5173;
  const host = env.HOST || 'localhost';
  const proxy = target ? ocpProxyConfig(target) : undefined;

  return {
    // The simulator answers /api unless a real OCP is configured.
    plugins: [react(), ...(target ? [] : [ocpSimulator({ env })])],
    server: { port, host, strictPort: true, proxy },
    preview: { port, host, strictPort: true, proxy },
    worker: { format: 'es' },
    build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
  };
});
