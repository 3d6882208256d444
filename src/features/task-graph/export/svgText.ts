/** Text for an SVG document: escaped, valid XML, and broken into lines that fit a width. */

/**
 * Characters XML 1.0 forbids (most C0 controls, unpaired surrogates, U+FFFE/FFFF): one in a subtask's
 * name would make the whole document unreadable, so each becomes U+FFFD.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe as element text and inside a double- or single-quoted attribute. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A character's width in em, roughly: there is no text measurement without a canvas, and this only
 * decides where a line breaks, so erring a little wide (an earlier break) is the safe side.
 */
function charWidth(code: number): number {
  if (code >= 0x2e80) return 1; // CJK, full-width forms, emoji
  if ((code >= 0x41 && code <= 0x5a) || WIDE.has(code)) return 0.72; // capitals, @ % & m w
  if (NARROW.has(code)) return 0.3;
  return 0.56;
}
const codes = (chars: string) => new Set(Array.from(chars, (c) => c.codePointAt(0) ?? 0));
const WIDE = codes('@%&mw');
const NARROW = codes(`ilI.,:;'|!()[] `);

const widthOf = (chars: readonly string[], size: number) => chars.reduce((sum, c) => sum + charWidth(c.codePointAt(0) ?? 0) * size, 0);

/** `text` in at most `maxLines` lines of at most `width` px at `size` px; the last one ends in "…" when cut. */
export function fitLines(text: string, width: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const w = charWidth(ch.codePointAt(0) ?? 0) * size;
    if (used + w <= width || line.length === 0) {
      line.push(ch);
      used += w;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // The last line: cut to leave room for the ellipsis.
      const room = width - size;
      while (line.length > 0 && widthOf(line, size) > room) line.pop();
      lines.push(`${line.join('').trimEnd()}…`);
      return lines;
    }
    // Break after the last space when there is one, else mid-word.
    const space = line.lastIndexOf(' ');
    const carried = space > 0 ? line.slice(space + 1) : [];
    lines.push((space > 0 ? line.slice(0, space) : line).join(''));
    line = ch === ' ' ? carried : [...carried, ch];
    used = widthOf(line, size);
  }
  if (line.length > 0) lines.push(line.join(''));
  return lines;
}
