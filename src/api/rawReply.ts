/**
 * The bytes a parsed reply came from, for the few requests that ask to keep them (the task, so it can
 * be saved exactly as OCP sent it). Held weakly by the parsed value: they live exactly as long as the
 * value is on screen or in the cache, and a value made any other way (an action's reply folded into
 * the cached task) has none, so it can never pass for OCP's own reply.
 */
const replies = new WeakMap<object, Uint8Array<ArrayBuffer>>();

export function keepRawReply(value: unknown, bytes: Uint8Array<ArrayBuffer>): void {
  if (typeof value === 'object' && value !== null) replies.set(value, bytes);
}

/** The reply's body, byte for byte, or undefined when this value was not parsed from a kept reply. */
export function rawReplyOf(value: object): Uint8Array<ArrayBuffer> | undefined {
  return replies.get(value);
}
