import { ActionIcon, Button, FileButton, Tooltip } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpenTaskFile } from './useOpenTaskFile';

const ACCEPT = 'application/json,.json';

/** Picks a task file to open read-only: an icon in the top bar, or a labelled button on the empty saved-task page. */
export function OpenTaskFileButton({ variant = 'icon' }: { variant?: 'icon' | 'button' }) {
  const { t } = useTranslation();
  const { open, opening } = useOpenTaskFile();
  const label = t('saved.pick');
  return (
    <FileButton onChange={(file) => file && void open([file])} accept={ACCEPT}>
      {(props) =>
        variant === 'button' ? (
          <Button {...props} leftSection={<IconFileImport size={16} aria-hidden />} loading={opening}>
            {label}
          </Button>
        ) : (
          <Tooltip label={label} withArrow>
            <ActionIcon {...props} variant="default" size={30} aria-label={label} loading={opening}>
              <IconFileImport size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )
      }
    </FileButton>
  );
}
