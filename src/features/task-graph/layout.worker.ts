/// <reference lib="webworker" />
/** Runs the same pure layout as the main thread, so a 5,000-subtask layout never blocks the page. */
import { layoutGraph } from './layout';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, layout: layoutGraph(input) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
