import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGES, rememberLanguage, type Language } from './languages';

/**
 * One catalog per language and namespace (`locales/<lang>/<ns>.json`), each its own lazily loaded chunk:
 * a page fetches only the namespaces its components ask for, in the one language on screen.
 */
const catalogs = import.meta.glob<ResourceKey>('./locales/*/*.json', { import: 'default' });

const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogs[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No "${namespace}" catalog for ${language}`), null);
      return;
    }
    load().then(
      (resources) => callback(null, resources),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

function followDocumentLanguage(language: string) {
  document.documentElement.lang = language;
}

/** Starts i18next for the app; resolves when the first language's common catalog is in. */
export function initI18n(): Promise<unknown> {
  i18next.on('languageChanged', followDocumentLanguage);
  return i18next
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: 'en',
      supportedLngs: LANGUAGES,
      load: 'currentOnly',
      ns: ['common'],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      react: { useSuspense: true },
    });
}

/**
 * The language on screen, as a BCP 47 tag for `Accept-Language`: OCP localises its own error
 * messages by it, so they arrive in the language the console shows.
 */
export function currentLanguage(): Language {
  const lang = i18next.language;
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en';
}

export async function changeLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
}

export { i18next };
