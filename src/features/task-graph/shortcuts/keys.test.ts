import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keys';

const press = (
  key: string,
  target: EventTarget | null = document.body,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target, ...mods });

describe('shortcutFor', () => {
  it('maps plain keys to actions, Shift included in the key', () => {
    expect(press('/')).toBe('search');
    expect(press('n')).toBe('nextFailure');
    expect(press('N')).toBe('previousFailure');
    expect(press('?')).toBe('help');
    expect(press('q')).toBeNull();
  });

  it('never fires while typing in a field or with a modifier held', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inside = document.createElement('span');
    editable.append(inside);
    document.body.append(input, textarea, editable);
    for (const target of [input, textarea, inside]) expect(press('f', target)).toBeNull();
    expect(press('f', document.body, { ctrlKey: true })).toBeNull();
    expect(press('l', document.body, { metaKey: true })).toBeNull();
    expect(press('f', document.body)).toBe('fit');
  });
});
