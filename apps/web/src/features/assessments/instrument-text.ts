import type { InstrumentDefinition, Language } from '@vigil/contracts';

type Localised = InstrumentDefinition['names'];

/** An instrument's text in the reader's language (every definition has all three; English if the language is another). */
export const inLanguage = (text: Localised, language: string): string => text[language as Language] ?? text.en;

