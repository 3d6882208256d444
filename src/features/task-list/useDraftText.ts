import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A text box whose value is committed (to the URL) only after typing pauses. The box keeps what
 * the user types; it takes the committed value only when someone else changed it (Clear filters,
 * Back, a link), so a commit landing mid-typing never eats keystrokes.
 */
export function useDraftText(committed: string, commit: (value: string) => void, delayMs = 300) {
  const [draft, setDraft] = useState(committed);
  const [seen, setSeen] = useState(committed);
  const [ownCommit, setOwnCommit] = useState(committed);

  if (committed !== seen) {
    setSeen(committed);
    if (committed !== ownCommit) {
      setDraft(committed);
      setOwnCommit(committed);
    }
  }

  const debouncedCommit = useDebouncedCallback((value: string) => {
    // Superseded by an outside change while waiting: drop it.
    if (value !== draft.trim() || value === committed) return;
    setOwnCommit(value);
    commit(value);
  }, delayMs);

  const change = (value: string) => {
    setDraft(value);
    debouncedCommit(value.trim());
  };

  return [draft, change] as const;
}
