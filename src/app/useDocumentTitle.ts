import { useEffect } from 'react';

/** Sets the tab title while the page is shown (each page sets its own, so nothing needs restoring). */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
