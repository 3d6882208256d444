import type { Plugin } from 'vite';

/** What the build's chunks look like to this plugin (a subset of Rollup's OutputChunk). */
export interface ChunkInfo {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}

/**
 * The files to preload for `modules` (source paths ending as given): their chunks and every chunk
 * these import statically, less what the entry already preloads (the entry and its own imports).
 */
export function preloadFiles(bundle: Record<string, ChunkInfo>, modules: readonly string[]): string[] {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const walk = (fileName: string, into: string[]) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    into.push(fileName);
    for (const next of byName.get(fileName)?.imports ?? []) walk(next, into);
  };
  for (const entry of chunks.filter((c) => c.isEntry)) walk(entry.fileName, []);
  const files: string[] = [];
  for (const module of modules) {
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
    if (!chunk) throw new Error(`routePreload: no chunk for ${module}`);
    walk(chunk.fileName, files);
  }
  return files;
}

/**
 * Adds `<link rel="modulepreload">` for the task page's lazy chunks to the built index.html, so they
 * download and compile alongside the entry instead of after it has run (bench, navigation breakdown of
 * the 100-subtask task: the page and graph chunks were requested ~0.6 s after the entry arrived, while
 * it was evaluated, and their code came after the task reply). Every page pays the download; only a
 * task page evaluates them. The router still imports them lazily, so nothing changes if they fail.
 */
export function routePreload(modules: readonly string[]): Plugin {
  return {
    name: 'ocp-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const base = ctx.server?.config.base ?? '/';
        return preloadFiles(ctx.bundle as Record<string, ChunkInfo>, modules).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
