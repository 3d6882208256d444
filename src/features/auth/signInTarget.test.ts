import { describe, expect, it } from 'vitest';
import { safeNext, signInUrl } from './signInTarget';

describe('safeNext', () => {
  it('returns a console path', () => {
    expect(safeNext(`?next=${encodeURIComponent('/tasks/1001?subtask=3')}`)).toBe('/tasks/1001?subtask=3');
    expect(safeNext(signInUrl('/tasks/1').slice('/sign-in'.length))).toBe('/tasks/1');
  });

  it.each(['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '', '/sign-in', '/sign-in?next=/x'])(
    'refuses %s (goes to the list)',
    (next) => {
      expect(safeNext(`?next=${encodeURIComponent(next)}`)).toBe('/');
    },
  );
});
