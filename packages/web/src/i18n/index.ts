import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.ts';
import vi from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'suckhoe.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((lang) => lang === value);
}

/** The remembered choice, else Vietnamese (the default even in an English browser). */
function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'vi';
}

export async function setLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
}

/** Locale tag for Intl formatting in the current language. */
export function intlLocale(): string {
  return currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB';
}

i18next.on('languageChanged', (lng) => {
  if (isLanguage(lng)) applyLanguage(lng);
});

// Resources are bundled, so initialisation completes synchronously (initAsync: false).
void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(storedLanguage());

export default i18next;
