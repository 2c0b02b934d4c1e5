import type { TFunction } from 'i18next';
import type { CategoryScheme, GatheredInputs, Language, SuggestionReason } from '@vigil/contracts';

type Localised = { en: string; ru: string; tg: string };

/** A scheme's text in the reader's language (every scheme has all three). */
export const inLanguage = (text: Localised, language: string): string => text[language as Language] ?? text.en;

/** A level's name in the scheme, in the reader's language. */
export const levelName = (scheme: Pick<CategoryScheme, 'levels'>, code: string, language: string) => {
  const level = scheme.levels.find((l) => l.code === code);
  return level ? inLanguage(level.names, language) : code;
};

/** A level's place in its scheme (0 the least restrictive). */
export const rankOf = (scheme: Pick<CategoryScheme, 'levels'>, code: string) => scheme.levels.findIndex((l) => l.code === code);

/** What fired a suggestion rule, said in words: "Alert in force: Escape risk". */
export function reasonText(r: SuggestionReason, gathered: GatheredInputs, language: string, t: TFunction): string {
  switch (r.factor) {
    case 'escape':
      return t('classification.reason.escape', { value: t(`classification.escape.${r.value}`) });
    case 'violence':
      return t('classification.reason.violence', { value: t(`classification.violence.${r.value}`) });
    case 'offence':
      return t('classification.reason.offence', { value: t(`classification.offence.${r.value}`) });
    case 'sentence':
      return t('classification.reason.sentence', { months: r.value });
    case 'alert': {
      const alert = gathered.alerts.find((a) => a.code === r.value);
      return t('classification.reason.alert', { value: alert ? inLanguage(alert.names, language) : r.value });
    }
    case 'judgement': {
      const [instrument, judgement] = r.value.split(':');
      const j = gathered.judgements.find((x) => x.instrument === instrument && x.judgement === judgement);
      return t('classification.reason.judgement', { instrument: j ? inLanguage(j.instrumentNames, language) : instrument, value: j ? inLanguage(j.judgementNames, language) : judgement });
    }
  }
}

/** A rule of a scheme, said in words (the schemes screen). */
export function ruleText(rule: CategoryScheme['rules'][number], t: TFunction, names: { alert(code: string): string; judgement(instrument: string, judgement: string): { instrument: string; value: string } }): string {
  switch (rule.factor) {
    case 'escape':
      return t('classification.reason.escape', { value: t(`classification.escape.${rule.atLeast}`) });
    case 'violence':
      return t('classification.reason.violence', { value: t(`classification.violence.${rule.atLeast}`) });
    case 'offence':
      return t('classification.reason.offence', { value: t(`classification.offence.${rule.offence}`) });
    case 'sentence':
      return t('classification.reason.sentence', { months: String(rule.fromMonths) });
    case 'alert':
      return t('classification.reason.alert', { value: names.alert(rule.alert) });
    case 'judgement':
      return t('classification.reason.judgement', names.judgement(rule.instrument, rule.judgement));
  }
}
