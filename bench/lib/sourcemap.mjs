/**
 * A minimal source-map reader (v3 mappings, base64 VLQ), enough to turn a CPU profile's
 * (url, line, column) in the minified bundle back into the original file and function name.
 */
import { readFile } from 'node:fs/promises';

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one `;`-separated line of segments into arrays of [genCol, src, srcLine, srcCol, name?]. */
export function decodeMappings(mappings) {
  /** @type {number[][][]} */
  const lines = [];
  const state = [0, 0, 0, 0, 0]; // genCol resets per line; the rest carry over
  for (const line of mappings.split(';')) {
    state[0] = 0;
    const segments = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.get(ch) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      fields.forEach((f, i) => (state[i] = (state[i] ?? 0) + f));
      segments.push(fields.length >= 4 ? state.slice(0, fields.length >= 5 ? 5 : 4) : [state[0]]);
    }
    lines.push(segments);
  }
  return lines;
}

export class SourceMap {
  constructor(raw) {
    this.sources = raw.sources.map((s) => normaliseSource(s));
    this.names = raw.names ?? [];
    this.lines = decodeMappings(raw.mappings);
  }

  /** 0-based line and column in the generated file → `{ source, line (1-based), name }` or null. */
  lookup(line, column) {
    const segments = this.lines[line];
    if (!segments?.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((segments[mid]?.[0] ?? Infinity) <= column) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const seg = segments[found];
    if (!seg || seg.length < 4) return null;
    const [, src = 0, srcLine = 0, , name = 0] = seg;
    return { source: this.sources[src], line: srcLine + 1, name: seg.length === 5 ? this.names[name] : undefined };
  }
}

/** `../../node_modules/react-dom/cjs/x.js` → `node_modules/react-dom/cjs/x.js`; `../../src/a.ts` → `src/a.ts`. */
function normaliseSource(s) {
  return s.replace(/^(\.\.\/|\.\/|\/)+/, '').replace(/^.*?(node_modules\/|src\/)/, '$1');
}

/** Loads `<file>.map` beside a built file, or null when there is none. */
export async function loadSourceMap(file) {
  try {
    return new SourceMap(JSON.parse(await readFile(`${file}.map`, 'utf8')));
  } catch {
    return null;
  }
}
