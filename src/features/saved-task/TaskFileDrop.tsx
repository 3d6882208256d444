import { Box, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenTaskFile } from './useOpenTaskFile';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Drop a task file anywhere on the console to open it read-only. While files are dragged over the
 * window a full-window target says what will happen; anything else dragged (text, a node) is left alone.
 */
export function TaskFileDrop() {
  const { t } = useTranslation();
  const { open } = useOpenTaskFile();
  const [over, setOver] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would navigate away to the file.
      e.preventDefault();
      depth = 0;
      setOver(false);
      void open([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, [open]);

  if (!over) return null;
  return (
    <Box
      data-testid="task-file-drop"
      style={{
        position: 'fixed',
        inset: 8,
        zIndex: 400,
        pointerEvents: 'none',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 8,
        border: '3px dashed var(--ocp-focus)',
        borderRadius: 12,
        background: 'color-mix(in srgb, var(--mantine-color-body) 88%, transparent)',
      }}
    >
      <IconFileImport size={48} aria-hidden color="var(--ocp-focus)" />
      <Text fw={600} size="lg">
        {t('saved.dropTitle')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('saved.dropHint')}
      </Text>
    </Box>
  );
}
