import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from '../api/client';
import { formatDateTime, formatDuration, formatNumber, formatRelativeTime } from '../components/formatting';
import { currentLanguage } from './i18n';
import { withLanguage } from './withLanguage';

afterEach(() => vi.restoreAllMocks());

function fetchSpy() {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ status: 200, successful: true }), { status: 200 })));
}

function acceptLanguageOf(spy: ReturnType<typeof fetchSpy>): string | undefined {
  const init = spy.mock.calls.at(-1)?.[1];
  return (init?.headers as Record<string, string> | undefined)?.['Accept-Language'];
}

describe('the language on screen', () => {
  it('goes to OCP as Accept-Language, so OCP words its own messages in it', async () => {
    const spy = fetchSpy();
    await request('/instances', null);
    expect(acceptLanguageOf(spy)).toBe('en');
    await withLanguage('zh-CN', async () => {
      expect(currentLanguage()).toBe('zh-CN');
      await request('/instances', null);
    });
    expect(acceptLanguageOf(spy)).toBe('zh-CN');
  });

  it('words durations, numbers and relative times', async () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(185_000)).toBe('3 m 05 s');
    expect(formatDuration(7_620_000)).toBe('2 h 07 m');
    expect(formatNumber(5000)).toBe('5,000');
    const now = Date.parse('2024-05-08T10:04:02+08:00');
    expect(formatRelativeTime('2024-05-08T10:01:02+08:00', now)).toBe('3 minutes ago');
    expect(formatRelativeTime('2024-05-08T08:01:02+08:00', now)).toBe('2 hours ago');
    await withLanguage('zh-CN', () => {
      expect(formatDuration(850)).toBe('850 毫秒');
      expect(formatDuration(185_000)).toBe('3 分 05 秒');
      expect(formatDuration(90_000_000)).toBe('1 天 1 小时');
      expect(formatRelativeTime('2024-05-08T10:01:02+08:00', now)).toBe('3分钟前');
    });
  });

  it('shows dates in the local zone with the zone named, in the language on screen', async () => {
    const iso = '2024-05-08T10:01:02.345+08:00';
    // The test runs in whatever zone the machine has; the zone name must be there whatever it is.
    expect(formatDateTime(iso)).toMatch(/^May 8, 2024, \d\d:01:02 GMT([+-]\d+(:\d\d)?)?$/);
    await withLanguage('zh-CN', () => {
      expect(formatDateTime(iso)).toMatch(/^2024年5月8日 GMT([+-]\d+(:\d\d)?)? \d\d:01:02$/);
    });
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
