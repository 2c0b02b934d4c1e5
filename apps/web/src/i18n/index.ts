import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@vigil/contracts';
import en from './en.json';
import ru from './ru.json';
import tg from './tg.json';
import { setRequestLanguage } from '../api/client.ts';

const STORAGE_KEY = 'vigil.language';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский', tg: 'Тоҷикӣ' };

/** The locale used to format numbers and dates (British conventions for English). */
export const formatLocale = (language: string) => (language === 'en' ? 'en-GB' : language);

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

/** Switches the interface language; the server's problem titles follow the Accept-Language sent. */
export function applyLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  setRequestLanguage(language);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
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
  resources: { en: { translation: en }, ru: { translation: ru }, tg: { translation: tg } },
  lng: language,
  fallbackLng: 'en',
  // React escapes what it renders; escaping here too would double-escape names like O'Brien.
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(language);

export default i18n;
