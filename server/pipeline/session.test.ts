import { describe, expect, it } from 'vitest';
import { createSessionSealer, sessionKey } from './session.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const limits = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };
const session = { username: 'admin', password: 'pä:ss', issuedAt: 1_000_000, seenAt: 1_000_000 };

describe('session sealing', () => {
  it('round-trips, and the cookie value does not contain the password in any readable form', () => {
    const sealer = createSessionSealer(sessionKey(SECRET), limits);
    const value = sealer.seal(session);
    expect(value).not.toContain('admin');
    expect(Buffer.from(value.slice(3), 'base64url').toString('latin1')).not.toContain('pä:ss');
    expect(sealer.open(value, 1_000_000 + 1000)).toEqual(session);
  });

  it('opens with another sealer derived from the same secret (another instance)', () => {
    const value = createSessionSealer(sessionKey(SECRET), limits).seal(session);
    expect(createSessionSealer(sessionKey(SECRET), limits).open(value, 1_000_001)).toEqual(session);
  });

  it('refuses a value sealed with another secret, or a random key', () => {
    const value = createSessionSealer(sessionKey(SECRET), limits).seal(session);
    expect(createSessionSealer(sessionKey(`${SECRET}x`), limits).open(value, 1_000_001)).toBeNull();
    expect(createSessionSealer(sessionKey(undefined), limits).open(value, 1_000_001)).toBeNull();
  });

  it('refuses an altered value', () => {
    const sealer = createSessionSealer(sessionKey(SECRET), limits);
    const value = sealer.seal(session);
    const raw = Buffer.from(value.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(sealer.open(`v1.${raw.toString('base64url')}`, 1_000_001)).toBeNull();
    expect(sealer.open('v1.garbage', 1_000_001)).toBeNull();
    expect(sealer.open(undefined, 1_000_001)).toBeNull();
  });

  it('expires after the idle timeout and after the maximum life', () => {
    const sealer = createSessionSealer(sessionKey(SECRET), limits);
    const value = sealer.seal(session);
    expect(sealer.open(value, session.seenAt + limits.idleMs)).not.toBeNull();
    expect(sealer.open(value, session.seenAt + limits.idleMs + 1)).toBeNull();
    const active = sealer.seal({ ...session, seenAt: session.issuedAt + limits.maxMs });
    expect(sealer.open(active, session.issuedAt + limits.maxMs + 1)).toBeNull();
  });
});
