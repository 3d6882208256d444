/** Keyboard shortcuts: which key does what, and when a key press is for us at all. Pure, for tests. */

export type ShortcutAction =
  | 'search'
  | 'fit'
  | 'locate'
  | 'nextFailure'
  | 'previousFailure'
  | 'nextMatch'
  | 'previousMatch'
  | 'graph'
  | 'timeline'
  | 'toggleView'
  | 'lineage'
  | 'failedOnly'
  | 'clearFilters'
  | 'close'
  | 'help';

/** Keys as `KeyboardEvent.key` gives them (Shift already applied: "N", "?"). */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction }[] = [
  { key: '/', action: 'search' },
  { key: 'f', action: 'fit' },
  { key: 'l', action: 'locate' },
  { key: 'n', action: 'nextFailure' },
  { key: 'N', action: 'previousFailure' },
  { key: ']', action: 'nextMatch' },
  { key: '[', action: 'previousMatch' },
  { key: 'g', action: 'graph' },
  { key: 't', action: 'timeline' },
  { key: 'v', action: 'toggleView' },
  { key: 'u', action: 'lineage' },
  { key: 'x', action: 'failedOnly' },
  { key: 'c', action: 'clearFilters' },
  { key: 'Escape', action: 'close' },
  { key: '?', action: 'help' },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/** Typing in a field, or a field-like widget, owns the keyboard: no shortcut fires there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  return (
    el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="combobox"], [role="textbox"]') !== null
  );
}

/** The action a key press asks for, or null: modified keys (browser and OS shortcuts) and typing are left alone. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  // A dialog (this help, the rollback confirmation) owns its keys, Escape included.
  if (event.target && typeof (event.target as Element).closest === 'function' && (event.target as Element).closest('[role="dialog"]'))
    return null;
  return SHORTCUTS.find((s) => s.key === event.key)?.action ?? null;
}
