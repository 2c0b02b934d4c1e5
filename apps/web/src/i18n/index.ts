import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@vigil/contracts';
import { setRequestLanguage } from '../api/client.ts';

const STORAGE_KEY = 'vigil.language';

// The contract's languages, as a type only: importing its values would put zod in the first download.
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский', tg: 'Тоҷикӣ' };
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

/** The locale used to format numbers and dates (British conventions for English). */
export const formatLocale = (language: string) => (language === 'en' ? 'en-GB' : language);

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as unknown[]).includes(value);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

// Only the language in use is downloaded (each language is a chunk of its own, 12-16 KB gzipped,
// gathered from the shell's catalogue and every feature's messages folder); every language has
// every key (catalogues.test.ts), so none needs another to fall back on.
const CATALOGUES: Record<Language, () => Promise<{ default: object }>> = {
  en: () => import('./catalogue.en.ts'),
  ru: () => import('./catalogue.ru.ts'),
  tg: () => import('./catalogue.tg.ts'),
};

let wanted: Language | null = null;

/**
 * Switches the interface language once its catalogue is in; the server's problem titles follow
 * the Accept-Language sent. When switches overlap, the last one chosen wins.
 */
export async function applyLanguage(language: Language) {
  wanted = language;
  localStorage.setItem(STORAGE_KEY, language);
  setRequestLanguage(language);
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', (await CATALOGUES[language]()).default);
  if (wanted !== language) return;
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

// The language picked on the sign-in screens, if any: it wins over the profile's at sign-in. Kept
// for the tab (a reload of the sign-in page must not lose it), and used once.
const SIGN_IN_CHOICE_KEY = 'vigil.signInLanguage';
export const rememberSignInChoice = (language: Language) => sessionStorage.setItem(SIGN_IN_CHOICE_KEY, language);
export function takeSignInChoice(): Language | null {
  const chosen = sessionStorage.getItem(SIGN_IN_CHOICE_KEY);
  sessionStorage.removeItem(SIGN_IN_CHOICE_KEY);
  return isLanguage(chosen) ? chosen : null;
}

const language = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: {},
  lng: language,
  fallbackLng: false,
  // React escapes what it renders; escaping here too would double-escape names like O'Brien.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Settles when the first catalogue is in (main.tsx renders after it, so no key flashes). */
export const firstLanguageLoaded = applyLanguage(language);

export default i18n;
