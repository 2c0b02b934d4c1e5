import type { TFunction } from 'i18next';
import type { EligibilityRule, Programme } from '@vigil/contracts';

type Named = Pick<Programme, 'name' | 'nameRu' | 'nameTg'>;

/** The programme's name in the reader's language where one was given, otherwise the name as entered. */
export const programmeName = (p: Named, language: string) => (language === 'ru' ? p.nameRu : language === 'tg' ? p.nameTg : null) ?? p.name;

/** A rule as the screen says it: what it requires, with its value in words. */
export function ruleText(rule: EligibilityRule, t: TFunction, alertName: (code: string) => string): string {
  switch (rule.kind) {
    case 'sex':
      return t('programmes.rules.sex', { value: t(`prisoners.sex.${rule.sex}`) });
    case 'legal-status':
      return t('programmes.rules.legal-status', { value: t(`prisoners.legalStatus.${rule.status}`) });
    case 'min-security':
      return t('programmes.rules.min-security', { value: t(`locations.security.${rule.category}`) });
    case 'max-security':
      return t('programmes.rules.max-security', { value: t(`locations.security.${rule.category}`) });
    case 'no-alert':
      return t('programmes.rules.no-alert', { value: alertName(rule.code) });
    case 'min-age':
      return t('programmes.rules.min-age', { value: String(rule.years) });
  }
}

/** Weekday names by ISO number (1 Monday … 7 Sunday). */
export const weekdayName = (weekday: number, t: TFunction) => t(`programmes.weekdays.${weekday}`);

/** 0.857 → "86 %". */
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);
