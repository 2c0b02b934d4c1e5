import type { TFunction } from 'i18next';

/** Countries a package most often goes to: Tajikistan's neighbours and the states its nationals return from. */
export const HANDOVER_COUNTRIES = ['TJ', 'AF', 'CN', 'KG', 'KZ', 'RU', 'TM', 'TR', 'UZ'] as const;

/**
 * A country's name in the reader's language. Browsers carry no Tajik country names (Chromium shows
 * "Tajikistan" in a Tajik screen), so the countries offered are named in our catalogues; any other
 * code falls back to the browser's own name for it.
 */
export function countryName(code: string, t: TFunction, language: string): string {
  const fallback = new Intl.DisplayNames([language === 'en' ? 'en-GB' : language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  return (HANDOVER_COUNTRIES as readonly string[]).includes(code) ? t(`handover.countries.${code}`) : fallback;
}
