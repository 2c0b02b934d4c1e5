import type { TFunction } from 'i18next';
import { INSTRUMENT_IMPORT_LIMIT_BYTES, InstrumentDefinition, LANGUAGES, problemMessage, PROBLEMS, type Language, type ProblemCode, type ProblemDetails } from '@vigil/contracts';
import { validate } from '../../ui/validation.ts';

/** What reading a chosen file gave: the parsed definition, or why it cannot be sent. */
export type InstrumentFile = { definition: unknown; problem?: undefined } | { definition?: undefined; problem: string };

/**
 * Reads an instrument file before anything is sent: over the server's 2 MB limit, or not JSON at
 * all, is said here in the reader's language; whether the JSON is a valid instrument is the server's check.
 */
export function readInstrumentFile(file: { size: number }, text: string, t: TFunction): InstrumentFile {
  if (!withinLimit(file.size)) return { problem: t('instruments.import.tooLarge', { size: megabytes(file.size) }) };
  try {
    return { definition: JSON.parse(text) as unknown };
  } catch {
    return { problem: t('instruments.import.notJson') };
  }
}

/** Whether a file may be sent: the server refuses a request over 2 MB (413). */
export const withinLimit = (bytes: number) => bytes <= INSTRUMENT_IMPORT_LIMIT_BYTES;

/** A size in megabytes with one decimal ("2.4"), for the too-large message. */
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** One fault of a refused definition as the reader sees it: where in the file, and what is wrong. */
export interface InstrumentFault {
  /** The place in the JSON file, as an editor shows it: `items[3].domain`. */
  where: string;
  message: string;
}

/**
 * The server's 422 `instrument-invalid` as a list: each `errors[].path` (`definition.items.3.domain`)
 * becomes the place in the file, and each message a sentence in the reader's language. The checks
 * across the definition send a problem code (`instrument-domain-unknown`) whose title the contracts
 * hold in three languages; the field checks send zod's English, so the same schema is run here on
 * the same file to say them in the reader's language ("required", "too long").
 */
export function instrumentFaults(problem: ProblemDetails, definition: unknown, language: string, t: TFunction): InstrumentFault[] {
  const local = validate(InstrumentDefinition, definition, t).errors ?? {};
  return (problem.errors ?? []).map((e) => {
    const inDefinition = e.path.replace(/^body\./, '').replace(/^definition\.?/, '');
    const message = Object.hasOwn(PROBLEMS, e.message) ? problemMessage(e.message as ProblemCode, asLanguage(language)) : (local[inDefinition] ?? t('fieldErrors.invalid'));
    return { where: placeInFile(inDefinition) || t('instruments.import.wholeFile'), message };
  });
}

const asLanguage = (language: string): Language => (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';

/** `items.3.domain` → `items[3].domain`, as a JSON editor names the place. */
export const placeInFile = (path: string): string => path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
