import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLanguage, LANGUAGE_STORAGE_KEY, languageFromBrowser, rememberLanguage } from './languages';

afterEach(() => {
  window.localStorage.clear();
  vi.restoreAllMocks();
});

describe('the first language', () => {
  it('follows the browser: any Chinese reads Simplified Chinese, anything else English', () => {
    expect(languageFromBrowser(['zh-CN', 'en'])).toBe('zh-CN');
    expect(languageFromBrowser(['zh-TW'])).toBe('zh-CN');
    expect(languageFromBrowser(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(languageFromBrowser(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromBrowser(['de'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });

  it('is the remembered choice when there is one, over the browser', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    expect(initialLanguage()).toBe('zh-CN');
    rememberLanguage('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(initialLanguage()).toBe('en');
  });

  it('ignores a remembered value that is not a language the console has', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(initialLanguage()).toBe('en');
  });
});
