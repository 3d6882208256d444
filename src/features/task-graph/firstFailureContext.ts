import { createContext } from 'react';

/**
 * The id of the subtask that failed first (by finish time), for the nodes to mark themselves. A
 * context rather than node data: it changes rarely, and only the nodes that read it re-render then.
 */
export const FirstFailureContext = createContext<string | null>(null);
