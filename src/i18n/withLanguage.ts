import i18next from 'i18next';
import zhCommon from './locales/zh-CN/common.json';
import type { Language } from './languages';

/**
 * Test helper: runs `body` with `language` on screen (Chinese catalogs for `common` loaded), then
 * switches back to English. Other namespaces' Chinese catalogs can be passed in `bundles`.
 */
export async function withLanguage<T>(language: Language, body: () => T | Promise<T>, bundles: Record<string, object> = {}): Promise<T> {
  if (language === 'zh-CN') {
    for (const [ns, catalog] of Object.entries({ common: zhCommon, ...bundles })) {
      i18next.addResourceBundle('zh-CN', ns, catalog, true, true);
    }
  }
  await i18next.changeLanguage(language);
  try {
    return await body();
  } finally {
    await i18next.changeLanguage('en');
  }
}
