import { elapsedMs, formatDuration } from '../../components/formatting';
import { useNow } from './useNow';

/**
 * "5 m 02 s" from start to finish, or to now while `running` (one 1 s ticker, only then).
 * Its own component so the ticking re-renders this text and nothing around it.
 */
export function LiveDuration({ start, finish, running }: { start: string | undefined; finish: string | undefined; running: boolean }) {
  const now = useNow(1_000, running);
  // Something that stopped without a finishTime has no known end: show nothing rather than a frozen guess.
  const ms = running || finish ? elapsedMs(start, finish, now) : undefined;
  return <>{ms === undefined ? '—' : formatDuration(ms)}</>;
}
