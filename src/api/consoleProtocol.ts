/**
 * What the console's browser app and its server agree on beyond OCP's own API; shared by src/ and
 * server/ like schemas.ts.
 */

/** Set by the app on every request; a cross-site form or no-cors fetch cannot set it without a preflight. */
export const CONSOLE_HEADER = 'X-OCP-Console';
export const CONSOLE_HEADER_VALUE = '1';

/** On errors the console's server made itself (not OCP's own replies): which fault it was. */
export const CONSOLE_ERROR_HEADER = 'X-OCP-Console-Error';

export const CONSOLE_FAULTS = [
  /** Per-user sign-in is on and there is no valid session (or OCP refused the person's credentials). */
  'sign-in-required',
  /** OCP did not accept a connection in time. */
  'connect-timeout',
  /** OCP accepted the connection but did not answer in time. */
  'reply-timeout',
  /** OCP could not be reached at all (refused, DNS, TLS, reset). */
  'unreachable',
  /** OCP answered with a redirect: usually its login page, i.e. credentials or session refused. */
  'redirect',
  /** OCP answered with something that is not JSON (a login page, a proxy's error page). */
  'not-json',
  /** The request is not one the console forwards (allow-list). */
  'not-allowed',
  /** A state-changing request without the console's origin and header. */
  'cross-site',
] as const;
export type ConsoleFault = (typeof CONSOLE_FAULTS)[number];

export function isConsoleFault(value: string | null | undefined): value is ConsoleFault {
  return (CONSOLE_FAULTS as readonly (string | null | undefined)[]).includes(value);
}

/** `GET /auth/session`: how the console acts towards OCP and, with sign-in, who is signed in. */
export interface SessionInfo {
  mode: 'none' | 'service-account' | 'sign-in';
  /** The signed-in person, or the service account's name; absent when nobody is signed in. */
  user?: string;
}
