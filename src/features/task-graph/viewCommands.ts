/**
 * Requests the page sends to whichever view is showing (graph or timeline): keyboard shortcuts and the
 * search box's Enter ask for a move; the view knows its own order and geometry and carries it out.
 */
export type ViewCommand = { type: 'step'; among: 'matches' | 'failures'; direction: 1 | -1 } | { type: 'fit' } | { type: 'locate' };

export interface ViewCommands {
  send: (command: ViewCommand) => void;
  /** Returns the unsubscribe function. */
  listen: (handler: (command: ViewCommand) => void) => () => void;
}

export function createViewCommands(): ViewCommands {
  const handlers = new Set<(command: ViewCommand) => void>();
  return {
    send: (command) => handlers.forEach((h) => h(command)),
    listen: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
