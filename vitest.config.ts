import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts: unit tests need neither the simulator middleware nor the proxy.
// Two projects, so the boundary is the folder: the browser app under jsdom, Node-side code under node.
/** Test files that vi.mock a module of the app. */
const MOCKS_MODULES = ['src/app/router.test.tsx', 'src/features/task-graph/TaskGraph.test.tsx'];

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
          // One jsdom per worker, not per file: setting up jsdom and importing React, Mantine and React
          // Flow again for each of ~60 files was most of the run (~190 s → ~60 s). src/test/setup.ts
          // clears what a test could leave behind (DOM, storage, URL, layout cache).
          isolate: false,
          setupFiles: ['src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: MOCKS_MODULES,
          css: false,
        },
      },
      {
        extends: true,
        test: {
          // vi.mock replaces a module for the whole file, which needs a module registry of its own.
          name: 'app-isolated',
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
          include: MOCKS_MODULES,
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
