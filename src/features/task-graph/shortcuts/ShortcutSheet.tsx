import { Kbd, Modal, Table } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './keys';

const keyLabel = (key: string) => (key === 'Escape' ? 'Esc' : key === 'N' ? 'Shift + N' : key);

/** The help sheet behind `?`: every shortcut with what it does (memoised: the page re-renders on every search key). */
export const ShortcutSheet = memo(function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('shortcuts');
  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} size="md">
      <Table verticalSpacing={4} aria-label={t('title')}>
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Td w={110}>
                <Kbd>{keyLabel(s.key)}</Kbd>
              </Table.Td>
              <Table.Td>{t(`action.${s.action}`)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Kbd>{t('keys.enter')}</Kbd> / <Kbd>{t('keys.shiftEnter')}</Kbd>
            </Table.Td>
            <Table.Td>{t('inSearch')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <p style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{t('note')}</p>
    </Modal>
  );
});
