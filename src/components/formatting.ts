/** Date and duration wording shared by the header, the list, the side panel and graph nodes. */

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Local date-time for an ISO string; "—" when absent. The ISO string itself belongs in a title attribute. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFormat.format(t);
}

/** "850 ms", "42 s", "3 m 05 s", "2 h 07 m", "3 d 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, '0')} m`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/**
 * Elapsed time of something that started at `start`: until `finish` when it has one, else until `now`
 * (live while running). Undefined when it never started.
 */
export function elapsedMs(start: string | undefined, finish: string | undefined, now: number): number | undefined {
  if (!start) return undefined;
  const s = Date.parse(start);
  const f = finish ? Date.parse(finish) : now;
  if (Number.isNaN(s) || Number.isNaN(f)) return undefined;
  return Math.max(0, f - s);
}
