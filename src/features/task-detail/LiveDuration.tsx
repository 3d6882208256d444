import { elapsedMs, formatDuration } from '../../components/formatting';
import { useNow } from '../../components/useNow';

/**
 * "5 m 02 s" from start to finish, or to now while `running` (on the shared 1 s clock, only then).
 * Its own component so the ticking re-renders this text and nothing around it.
 */
export function LiveDuration({ start, finish, running }: { start: string | undefined; finish: string | undefined; running: boolean }) {
  const now = useNow(running);
  // Something that stopped without a finishTime has no known end: show nothing rather than a frozen guess.
  const ms = running || finish ? elapsedMs(start, finish, now) : undefined;
  return <>{ms === undefined ? '—' : formatDuration(ms)}</>;
}
