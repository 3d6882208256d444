import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

/**
 * Every namespace exists in every language with the same keys, no empty text and the same
 * {{placeholders}}: a key added in one language only would show its raw key (or English) to readers
 * of the other. Plural keys (`_one`, `_other`…) are compared by their base, and each language must
 * have every plural form its grammar uses (English one/other, Chinese other).
 */
const catalogs = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default', eager: true });

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [key, text] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  } else out.set(prefix, String(value));
  return out;
}

function byLanguage(): Map<string, Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, Map<string, string>>>();
  for (const [path, catalog] of Object.entries(catalogs)) {
    const [, lang = '', ns = ''] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (!result.has(lang)) result.set(lang, new Map());
    result.get(lang)!.set(ns, flatten(catalog));
  }
  return result;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*[,}]/g)].map((m) => m[1]).sort();
const baseKeys = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.replace(PLURAL, '')))].sort();

describe('message catalogs', () => {
  const all = byLanguage();

  it('exist for every language, with the same namespaces', () => {
    expect([...all.keys()].sort()).toEqual([...LANGUAGES].sort());
    const namespaces = [...(all.get('en')?.keys() ?? [])].sort();
    expect(namespaces).toContain('common');
    for (const lang of LANGUAGES) expect([...all.get(lang)!.keys()].sort(), lang).toEqual(namespaces);
  });

  for (const [ns, english] of all.get('en') ?? []) {
    describe(`namespace "${ns}"`, () => {
      it('has the same keys in every language', () => {
        for (const lang of LANGUAGES)
          expect(baseKeys(all.get(lang)?.get(ns)?.keys() ?? []), `${lang}/${ns}`).toEqual(baseKeys(english.keys()));
      });

      it('has no empty text and the same placeholders in every language', () => {
        for (const lang of LANGUAGES) {
          const catalog = all.get(lang)?.get(ns) ?? new Map<string, string>();
          for (const [key, text] of catalog) {
            expect(text.trim(), `${lang}/${ns}:${key} is empty`).not.toBe('');
            const en = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
            if (en !== undefined) expect(placeholders(text), `${lang}/${ns}:${key} placeholders`).toEqual(placeholders(en));
          }
        }
      });

      it('has every plural form each language needs', () => {
        for (const lang of LANGUAGES) {
          const keys = [...(all.get(lang)?.get(ns)?.keys() ?? [])];
          const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          for (const base of new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))) {
            for (const form of forms) expect(keys, `${lang}/${ns}:${base}_${form}`).toContain(`${base}_${form}`);
          }
        }
      });
    });
  }
});
