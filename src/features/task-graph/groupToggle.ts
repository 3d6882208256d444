import { createContext } from 'react';

/** Expands or collapses a parallel group by id; nodes read it from context so their data stays plain. */
export const GroupToggleContext = createContext<(groupId: string) => void>(() => {});
