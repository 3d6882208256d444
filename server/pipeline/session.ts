import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A signed-in person's OCP credentials, sealed into the cookie with AES-256-GCM: the browser holds
 * only ciphertext it cannot read or alter, and any instance with the same CONSOLE_SESSION_SECRET can
 * open it, so instances need no shared store. Times are epoch milliseconds.
 */
export interface Session {
  username: string;
  password: string;
  /** When the person signed in: bounds the session's whole life. */
  issuedAt: number;
  /** Last request: bounds idleness. */
  seenAt: number;
}

const VERSION = 'v1';
/** Binds ciphertexts to this use, so a value sealed for something else never opens as a session. */
const AAD = Buffer.from('ocp-task-console session v1');

export interface SessionSealer {
  seal(session: Session): string;
  /** The session, or null when the value is not one of ours, was altered, or has expired. */
  open(value: string | undefined, now: number): Session | null;
}

/** Derives the AES key from the secret with HKDF; without a secret, a random key for this process only. */
export function sessionKey(secret: string | undefined): Buffer {
  if (secret === undefined) return randomBytes(32);
  return Buffer.from(hkdfSync('sha256', secret, 'ocp-task-console', 'session-cookie-key', 32));
}

export function createSessionSealer(key: Buffer, limits: { idleMs: number; maxMs: number }): SessionSealer {
  return {
    seal(session) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const plain = JSON.stringify([session.username, session.password, session.issuedAt, session.seenAt]);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(value, now) {
      if (!value?.startsWith(`${VERSION}.`)) return null;
      const raw = Buffer.from(value.slice(VERSION.length + 1), 'base64url');
      if (raw.length < 12 + 16 + 2) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(AAD);
        decipher.setAuthTag(raw.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        const [username, password, issuedAt, seenAt] = JSON.parse(plain) as [string, string, number, number];
        if (now - seenAt > limits.idleMs || now - issuedAt > limits.maxMs || seenAt > now + 60_000) return null;
        return { username, password, issuedAt, seenAt };
      } catch {
        return null; // altered, or sealed with another key
      }
    },
  };
}
