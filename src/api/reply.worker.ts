/// <reference lib="webworker" />
/** Parses and validates large replies (a 5,000-subtask task is ~2 MB) so a poll never blocks the page. */
import { createReplyParser, type ReplyParseRequest, type ReplyParseResponse } from './replyParse';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const parse = createReplyParser();

scope.onmessage = (event: MessageEvent<ReplyParseRequest>) => {
  const { id } = event.data;
  let response: ReplyParseResponse;
  try {
    response = parse(event.data);
  } catch {
    response = { id, fallback: true };
  }
  scope.postMessage(response);
};
