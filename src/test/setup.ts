import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetLayoutRunner } from '../features/task-graph/layoutRunner';
import { initI18nForTests } from '../i18n/testing';

initI18nForTests();

// Pages and the graph are lazily loaded chunks: on a busy machine their first import alone can take
// over a second, testing-library's default wait. The wait ends as soon as the element is there.
configure({ asyncUtilTimeout: 4_000 });

afterEach(() => {
  cleanup();
  // Files share one jsdom (vitest.config.ts, isolate: false): nothing a test stored or navigated to stays.
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  // The layout cache outlives a graph on purpose (revisits never lay out again); not a test.
  resetLayoutRunner();
});

// jsdom lacks the layout APIs React Flow and Mantine use; give them inert, non-zero versions.
if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function')
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;

  class ResizeObserverStub {
    constructor(private readonly cb: ResizeObserverCallback) {}
    observe(target: Element) {
      this.cb([{ target, contentRect: { width: 1000, height: 800 } } as unknown as ResizeObserverEntry], this);
    }
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

  class DOMMatrixReadOnlyStub {
    m22: number;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
      this.m22 = scale !== undefined ? Number(scale) : 1;
    }
  }
  (window as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;

  Object.defineProperties(window.HTMLElement.prototype, {
    offsetHeight: { configurable: true, get: () => 800 },
    offsetWidth: { configurable: true, get: () => 1000 },
  });
  const svg = window.SVGElement.prototype as unknown as { getBBox?: () => DOMRect };
  svg.getBBox ??= () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
  if (typeof window.scrollTo !== 'function') window.scrollTo = () => {};
  // jsdom has no 2D canvas (the overview and its marks): no context, as a browser that cannot give one,
  // which the canvases handle; without this jsdom prints "Not implemented" for every draw.
  window.HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}
