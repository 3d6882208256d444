/// <reference lib="webworker" />
/** Parses and validates large replies (a 5,000-subtask task is ~2 MB) so a poll never blocks the page. */
import { parseLargeReply, type ReplyParseRequest, type ReplyParseResponse } from './replyParse';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ReplyParseRequest>) => {
  const { id, bytes, schema } = event.data;
  let response: ReplyParseResponse;
  try {
    const parsed = parseLargeReply(bytes, schema);
    response = parsed ? { id, data: parsed.data } : { id, fallback: true };
  } catch {
    response = { id, fallback: true };
  }
  scope.postMessage(response);
};
