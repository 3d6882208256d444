import { describe, expect, it } from 'vitest';
import { preloadFiles, type ChunkInfo } from './routePreload';

const chunk = (fileName: string, imports: string[] = [], extra: Partial<ChunkInfo> = {}): ChunkInfo => ({
  type: 'chunk',
  fileName,
  imports,
  ...extra,
});

const bundle: Record<string, ChunkInfo> = {
  entry: chunk('assets/index.js', ['assets/react.js'], { isEntry: true, facadeModuleId: '/app/src/main.tsx' }),
  react: chunk('assets/react.js'),
  page: chunk('assets/TaskPage.js', ['assets/react.js', 'assets/shared.js'], { facadeModuleId: '/app/src/app/pages/TaskPage.tsx' }),
  graph: chunk('assets/TaskGraph.js', ['assets/shared.js', 'assets/flow.js'], {
    facadeModuleId: '/app/src/features/task-graph/TaskGraph.tsx',
  }),
  shared: chunk('assets/shared.js'),
  flow: chunk('assets/flow.js'),
  list: chunk('assets/TaskListPage.js', ['assets/react.js'], { facadeModuleId: '/app/src/app/pages/TaskListPage.tsx' }),
  css: { type: 'asset', fileName: 'assets/index.css' },
};

describe('preloadFiles', () => {
  it("names the route's chunks and what they import, once each, without what the entry already loads", () => {
    expect(preloadFiles(bundle, ['src/app/pages/TaskPage.tsx', 'src/features/task-graph/TaskGraph.tsx'])).toEqual([
      'assets/TaskPage.js',
      'assets/shared.js',
      'assets/TaskGraph.js',
      'assets/flow.js',
    ]);
  });

  it('fails the build when a module has no chunk of its own (renamed, or no longer lazy)', () => {
    expect(() => preloadFiles(bundle, ['src/app/pages/Gone.tsx'])).toThrow(/no chunk for src\/app\/pages\/Gone\.tsx/);
  });
});
