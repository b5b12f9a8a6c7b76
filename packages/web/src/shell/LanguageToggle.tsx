import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

/** VI / EN switch; the choice is remembered in localStorage (see i18n/index.ts). */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <SegmentedControl
      size="xs"
      radius="xl"
      aria-label={t('language.label')}
      value={value}
      transitionDuration={0}
      onChange={(next) => {
        const lang = LANGUAGES.find((l) => l === next);
        if (lang) void setLanguage(lang);
      }}
      data={LANGUAGES.map((lang) => ({
        value: lang,
        label: (
          <span title={t(`language.${lang}`)} lang={lang}>
            {lang.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
