import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/languages';

/**
 * The top bar's language switch. A native select: every phone and screen reader knows it. Each
 * language is named in itself ("简体中文"), so a reader of either finds theirs.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  return (
    <NativeSelect
      size="xs"
      w={96}
      aria-label={t('language.label')}
      value={current}
      onChange={(e) => void changeLanguage(e.currentTarget.value as Language)}
      data={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
    />
  );
}
