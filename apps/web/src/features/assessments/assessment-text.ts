import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_LEVEL, type InstrumentDefinition } from '@vigil/contracts';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { inLanguage } from './instrument-text.ts';

/** Each instrument's name in the reader's language, by code (the version in force); the code until they are loaded. */
export function useInstrumentNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const list = useQuery({ queryKey: assessmentKeys.instruments, queryFn: assessmentsApi.instruments });
  return (code) => {
    const found = list.data?.items.find((i) => i.code === code);
    return found ? inLanguage(found.definition.names, i18n.language) : code;
  };
}

/** A rating level's name on an item's scale ("not enough information" for unknown). */
export function levelName(def: InstrumentDefinition, itemCode: string, level: string, language: string, unknown: string): string {
  if (level === UNKNOWN_LEVEL) return unknown;
  const found = def.items.find((i) => i.code === itemCode)?.scale.levels.find((l) => l.code === level);
  return found ? inLanguage(found.names, language) : level;
}

/** The judgement level's name in the reader's language. */
export function judgementName(def: InstrumentDefinition | undefined, code: string | null, language: string): string {
  if (!code) return '—';
  const found = def?.judgementLevels.find((l) => l.code === code);
  return found ? inLanguage(found.names, language) : code;
}
