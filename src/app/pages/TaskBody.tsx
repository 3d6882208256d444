import { Box, Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { usePanelFocus } from './usePanelFocus';

const GRAPH_MIN_HEIGHT = 480;
/** Below 62em the panel is a bottom sheet over the graph rather than a column beside it. */
const SHEET_QUERY = '(max-width: 61.99em)';

/**
 * The graph fills what is left of the viewport. The subtask panel sits beside it, non-modal, on a
 * laptop (narrow enough that the graph keeps most of the width); on a phone or tablet it is a bottom
 * sheet. Either way focus goes to the panel when it opens and back to what opened it when it closes,
 * and Escape closes it from anywhere unless a dialog is open.
 */
export function TaskBody({
  selected,
  select,
  graph,
  panel: renderPanel,
}: {
  selected: string | null;
  select: (id: string | null) => void;
  graph: ReactNode;
  /** The subtask panel for the selected subtask. */
  panel: (subtaskId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const side = !useMediaQuery(SHEET_QUERY, false, { getInitialValueInEffect: false });
  const panelRef = useRef<HTMLDivElement>(null);
  usePanelFocus(selected, panelRef, () => select(null));

  const panel = selected !== null && (
    <ErrorBoundary region={t('region.subtaskPanel')} resetKey={selected}>
      {renderPanel(selected)}
    </ErrorBoundary>
  );

  return (
    <Box style={{ flex: 1, display: 'flex', minHeight: side ? GRAPH_MIN_HEIGHT : 'min(480px, 70dvh)' }}>
      <Box
        component="section"
        aria-label={t('taskPage.graph')}
        bg="var(--ocp-surface)"
        style={{ flex: 1, minWidth: 0, position: 'relative' }}
      >
        <ErrorBoundary region={t('region.graph')}>
          <Box style={{ position: 'absolute', inset: 0 }}>{graph}</Box>
        </ErrorBoundary>
      </Box>
      {side && selected !== null && (
        <Box
          component="aside"
          aria-label={t('taskPage.details')}
          ref={panelRef}
          bg="var(--ocp-surface)"
          style={{
            // A third of a small laptop, never more than 420 px: the graph keeps most of the room.
            width: 'clamp(300px, 32vw, 420px)',
            flexShrink: 0,
            position: 'relative',
            borderLeft: '1px solid var(--mantine-color-default-border)',
          }}
        >
          {/* Absolute so a long panel scrolls on its own instead of stretching the graph. */}
          <Box style={{ position: 'absolute', inset: 0, overflow: 'auto' }}>{panel}</Box>
        </Box>
      )}
      {!side && (
        <Drawer
          opened={selected !== null}
          onClose={() => select(null)}
          position="bottom"
          size="65%"
          title={t('taskPage.details')}
          // The panel brings its own close button and Escape; focus goes back to the node (usePanelFocus).
          withCloseButton={false}
          returnFocus={false}
          padding={0}
          styles={{ header: { minHeight: 0, padding: '6px 12px' }, title: { fontSize: 'var(--mantine-font-size-xs)' } }}
        >
          <div ref={panelRef}>{panel}</div>
        </Drawer>
      )}
    </Box>
  );
}
