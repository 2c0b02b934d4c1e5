import type { Language } from '../common.ts';

/** A module's problem codes: HTTP status and the title in each language. */
export type ProblemTable = Record<string, { status: number } & Record<Language, string>>;
