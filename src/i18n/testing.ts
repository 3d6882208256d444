import i18next, { type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Tests read English, loaded eagerly so nothing suspends: every catalog of every namespace, so a
 * component test needs no setup of its own.
 */
const english = import.meta.glob<ResourceKey>('./locales/en/*.json', { import: 'default', eager: true });

export function initI18nForTests(): void {
  if (i18next.isInitialized) return;
  const resources: Record<string, ResourceKey> = {};
  for (const [path, catalog] of Object.entries(english)) {
    const namespace = /\/([^/]+)\.json$/.exec(path)?.[1];
    if (namespace) resources[namespace] = catalog;
  }
  void i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: resources },
    ns: Object.keys(resources),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
}
