import type { TFunction } from 'i18next';
import { LANGUAGES, PROBLEMS, type Language, type ProblemCode } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import type { Refusal } from '../../ui/form/refusal.ts';
import { serverFieldErrors, type FieldErrors } from '../../ui/validation.ts';

/** A server message that is itself a problem code, in the user's language; otherwise null. */
export function problemCodeText(code: string, language: string): string | null {
  if (!(code in PROBLEMS)) return null;
  return PROBLEMS[code as ProblemCode][(LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en'];
}

/** A detail that names a field ("file.identity.dateOfBirth", "prisonNumber") rather than explaining something. */
const isFieldPath = (detail: string | undefined): detail is string => !!detail && /^[A-Za-z_]\w*(\.\w+)*$/.test(detail);

/**
 * Field errors from a failed save: the schema errors the server listed, messages that are problem
 * codes (reception lists them per field), and a business-rule problem whose detail names its field.
 * `strip` removes a leading part of the paths (e.g. "data." for an intake).
 */
export function problemFieldErrors(error: unknown, t: TFunction, language: string, strip = ''): FieldErrors {
  if (!(error instanceof ApiProblem)) return {};
  const out: FieldErrors = {};
  const key = (path: string) => (strip && path.startsWith(strip) ? path.slice(strip.length) : path);
  for (const e of error.problem.errors ?? []) {
    const path = key(e.path.replace(/^(body|querystring|params)\.?/, ''));
    const text = problemCodeText(e.message, language);
    if (text && path && !out[path]) out[path] = text;
  }
  for (const [field, message] of Object.entries(serverFieldErrors(error, t))) if (!out[key(field)]) out[key(field)] = message;
  if (isFieldPath(error.problem.detail)) out[key(error.problem.detail)] = error.problem.title;
  return out;
}

/** The same error without a detail that is only a field path (that is shown beside the field). */
export function withoutPathDetail(error: unknown): unknown {
  if (!(error instanceof ApiProblem) || !isFieldPath(error.problem.detail)) return error;
  const { detail: _detail, ...problem } = error.problem;
  return new ApiProblem(problem);
}

/**
 * A refused save of (part of) a prisoner file, for `ContractForm`'s `readRefusal`: the fields as
 * `problemFieldErrors` reads them, and the alert without a detail already shown beside its field.
 */
export const readFileRefusal =
  (t: TFunction, language: string, strip = '') =>
  (error: unknown): Refusal => ({ fieldErrors: problemFieldErrors(error, t, language, strip), alert: withoutPathDetail(error) });
