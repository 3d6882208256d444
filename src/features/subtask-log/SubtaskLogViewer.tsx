import { Stack, Tabs, Text } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadLog } from './logFile';
import { LogLines, type ScrollRequest } from './LogLines';
import { runOfLine, type LogModel, type LogRun } from './logModel';
import { matchFrom, searchLog, type LogMatch } from './logSearch';
import { LogToolbar } from './LogToolbar';
import { runLabel, runTime } from './runLabel';
import type { LogUrl } from './useLogUrl';

export interface SubtaskLogViewerProps {
  subtaskId: string;
  model: LogModel;
  /** The subtask is running: its last run is still being written. */
  live: boolean;
  url: LogUrl;
  /** A request from outside (the "Why it failed" link) to scroll to the URL's line. */
  reveal: number;
  height: string;
  onWide?: () => void;
}

/** The runs of a log as tabs (newest first), a search over the whole log, and the lines of the chosen run. */
export function SubtaskLogViewer({ subtaskId, model, live, url, reveal, height, onWide }: SubtaskLogViewerProps) {
  const { t } = useTranslation('log');
  const [query, setQuery] = useState('');
  const [wrap, setWrap] = useState(false);
  const [current, setCurrent] = useState(-1);
  const [jump, setJump] = useState<ScrollRequest | null>(() => (url.line === null ? null : { line: url.line, nonce: 0 }));
  const latest = model.runs.at(-1) as LogRun;
  const run = (url.run !== null ? model.runs[url.run - 1] : undefined) ?? latest;

  const deferredQuery = useDeferredValue(query);
  const search = useMemo(() => (deferredQuery ? searchLog(model, deferredQuery) : null), [model, deferredQuery]);
  const matches = search?.matches ?? [];
  const currentIndex = current >= 0 && current < matches.length ? current : matchFrom(matches, run.start);
  const currentMatch = matches[currentIndex] ?? null;

  // Revealing the URL's line (from "Why it failed" or a shared link).
  const [revealed, setRevealed] = useState(reveal);
  if (revealed !== reveal) {
    setRevealed(reveal);
    if (url.line !== null) setJump({ line: url.line, nonce: (jump?.nonce ?? 0) + 1 });
  }

  const goTo = (line: number, column?: number) => {
    const target = runOfLine(model, line);
    if (target) url.show(target.index, line);
    setJump({ line, column, nonce: (jump?.nonce ?? 0) + 1 });
  };

  const step = (delta: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (currentIndex + delta + matches.length) % matches.length;
    setCurrent(next);
    const match = matches[next] as LogMatch;
    goTo(match.line, match.column);
  };

  const onQuery = (next: string) => {
    setQuery(next);
    setCurrent(-1);
  };

  const runs = [...model.runs].reverse();
  return (
    <Stack gap={6}>
      <LogToolbar
        query={query}
        onQuery={onQuery}
        search={search}
        current={currentIndex}
        onStep={step}
        wrap={wrap}
        onWrap={setWrap}
        copyText={() => model.lines.slice(run.start, run.end).join('\n')}
        onDownload={() => downloadLog(subtaskId, model.text)}
        onWide={onWide}
      />
      <Tabs value={String(run.index)} onChange={(v) => v && url.show(Number(v) === latest.index ? null : Number(v))} keepMounted={false}>
        <Tabs.List aria-label={t('runs')} style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {runs.map((r) => (
            <Tabs.Tab key={r.index} value={String(r.index)} px="xs" py={4}>
              <Text span size="xs" fw={600}>
                {runLabel(t, r)}
              </Text>
              {r.time && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {runTime(r)}
                </Text>
              )}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <LogLines
        key={run.index}
        model={model}
        run={run}
        wrap={wrap}
        height={height}
        label={t('linesOf', { run: runLabel(t, run) })}
        search={search}
        currentMatch={currentMatch}
        selectedLine={url.line}
        scrollTo={jump}
        live={live && run === latest}
        hrefOf={(line) => url.hrefOf(run.index, line)}
        onLineClick={(line) => url.show(run.index, line)}
      />
    </Stack>
  );
}
