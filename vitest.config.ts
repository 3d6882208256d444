import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts: unit tests need neither the simulator middleware nor the proxy.
// Two projects, so the boundary is the folder: the browser app under jsdom, Node-side code under node.
export default defineConfig({
  plugins: [react()],
  test: {
    // A jsdom render of the task page takes ~1 s alone and over 5 s (the default) when the 2-core
    // machine is shared; a hung test still fails, just later.
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          css: false,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
        },
      },
    ],
  },
});
