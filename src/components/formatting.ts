import i18next from 'i18next';

/**
 * Dates, durations, numbers and relative times in the language on screen (i18next's), shared by the
 * header, the list, the side panel and graph nodes. Formatters are cached per language.
 */

function language(): string {
  return i18next.language || 'en';
}

function cached<T>(make: (lang: string) => T): () => T {
  let lang: string | undefined;
  let value: T | undefined;
  return () => {
    const current = language();
    if (value === undefined || lang !== current) {
      lang = current;
      value = make(current);
    }
    return value;
  };
}

// The viewer's own time zone, always named ("GMT+8"), so a time is never read in the wrong zone.
const dateTimeFormat = cached(
  (lang) =>
    new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }),
);
const numberFormat = cached((lang) => new Intl.NumberFormat(lang));
const relativeFormat = cached((lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));

/** Local date-time with the time zone shown, for an ISO string; "—" when absent, the string itself when unreadable. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFormat().format(t);
}

export function formatNumber(n: number): string {
  return numberFormat().format(n);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const byteFormats = BYTE_UNITS.map((unit) =>
  cached((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })),
);

/** "2.1 MB", "640 kB": a size in the largest unit under 1,024 of it, in the language on screen. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let step = 0;
  while (value >= 1024 && step < BYTE_UNITS.length - 1) {
    value /= 1024;
    step++;
  }
  return (byteFormats[step] ?? numberFormat)().format(value);
}

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 minutes ago", "in 2 hours", "3分钟前": how far `iso` is from `now`, in the largest whole unit. */
export function formatRelativeTime(iso: string | undefined, now: number): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  let value = (t - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return relativeFormat().format(Math.trunc(value), unit);
    value /= size;
  }
  return relativeFormat().format(Math.trunc(value), 'year');
}

/** "850 ms", "42 s", "3 m 05 s", "2 h 07 m", "3 d 4 h" (in Chinese "3 分 05 秒"…). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const t = (key: string, values: Record<string, string>) => i18next.t(`common:duration.${key}`, values);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (ms < 1000) return t('ms', { ms: formatNumber(Math.round(ms)) });
  const s = Math.floor(ms / 1000);
  if (s < 60) return t('s', { s: String(s) });
  const m = Math.floor(s / 60);
  if (m < 60) return t('ms2', { m: String(m), s: pad(s % 60) });
  const h = Math.floor(m / 60);
  if (h < 24) return t('hm', { h: String(h), m: pad(m % 60) });
  return t('dh', { d: formatNumber(Math.floor(h / 24)), h: String(h % 24) });
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
