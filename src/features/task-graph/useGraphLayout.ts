import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphLayout } from './geometry';
import { layoutNow, requestLayout } from './layoutRunner';
import { layoutKey } from './collapse';
import { toLayoutInput, type GraphStructure } from './model';

export type GraphLayoutState =
  | { status: 'pending'; layout: null; error: null }
  | { status: 'ready'; layout: GraphLayout; error: null }
  | { status: 'error'; layout: null; error: string };

interface Settled {
  hash: string;
  layout?: GraphLayout;
  error?: string;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The layout of a structure with some parallel groups collapsed: once per layout key (structure hash
 * and collapsed groups), from the cache when it has one (revisits and
 * polls never lay out again); results for a structure no longer shown are cached but not applied.
 */
export function useGraphLayout(structure: GraphStructure, collapsed: ReadonlySet<string> = NONE): GraphLayoutState {
  const { cycle } = structure;
  const hash = layoutKey(structure, collapsed);
  const [settled, setSettled] = useState<Settled | null>(null);
  const { t } = useTranslation('graph');

  useEffect(() => {
    // Also on a cache hit: the settled copy keeps the layout on screen even if the cache evicts it.
    if (cycle) return;
    let current = true;
    requestLayout(hash, toLayoutInput(structure, collapsed)).then(
      (layout) => current && setSettled({ hash, layout }),
      (error: unknown) => current && setSettled({ hash, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [hash, cycle, structure, collapsed]);

  if (cycle) return { status: 'error', layout: null, error: t('cycle', { path: `${cycle.join(' → ')} → ${cycle[0] ?? ''}` }) };
  // A small graph is laid out right here when the code is in (no extra render); others arrive in the effect.
  const hit =
    layoutNow(hash, structure.nodeIds.length, () => toLayoutInput(structure, collapsed)) ??
    (settled?.hash === hash ? settled.layout : undefined);
  if (hit) return { status: 'ready', layout: hit, error: null };
  if (settled?.hash === hash && settled.error !== undefined) return { status: 'error', layout: null, error: settled.error };
  return { status: 'pending', layout: null, error: null };
}
