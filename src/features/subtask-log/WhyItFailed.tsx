import { Alert, Anchor, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FailureReason } from './logModel';
import { runLabel } from './runLabel';

/** `2024-… ERROR [thread] logger - message` → its message; other lines (an exception) as they are. */
const LOGBACK = /^\d{4}-\d\d-\d\d[ T][\d:.,]+\s+(?:ERROR|FATAL)\s+\[[^\]]*\]\s+\S+\s+-\s+(.*)$/;
const messageOf = (line: string) => LOGBACK.exec(line)?.[1] ?? line;

/** The first error of the last failed run, at the top of the panel, linking to its line. */
export function WhyItFailed({ reason, href, onShow }: { reason: FailureReason; href: string; onShow: () => void }) {
  const { t } = useTranslation('log');
  const run = runLabel(t, reason.run);
  return (
    <Alert color="red" variant="light" title={t('why.title')} icon={<IconAlertTriangle aria-hidden />} p="xs">
      {reason.text !== undefined ? (
        <Code
          block
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: '6.5em', overflow: 'hidden' }}
          bg="transparent"
          p={0}
        >
          {messageOf(reason.text)}
        </Code>
      ) : (
        <Text size="sm">{t('why.noLine', { run })}</Text>
      )}
      <Anchor
        href={href}
        size="sm"
        // The alert's own text colour, underlined: a blue link on the red tint falls under 4.5:1.
        c="var(--ocp-text)"
        underline="always"
        onClick={(e) => {
          e.preventDefault();
          onShow();
        }}
      >
        {reason.line !== undefined ? t('why.goTo', { line: reason.line + 1, run }) : t('why.goToRun', { run })}
      </Anchor>
    </Alert>
  );
}
