import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ProblemDetails } from '@vigil/contracts';
import { ApiProblem } from '../api/client.ts';

// Custom messages the contracts attach to their rules (see packages/contracts).
const KNOWN_MESSAGES = ['code-format', 'alert-code-format', 'control-characters', 'username-format', 'staff-number-format', 'country-code', 'date-before-1900', 'birth-in-future', 'prison-number-pattern'];

function issueText(issue: { code: string; message: string; origin?: string; minimum?: unknown; maximum?: unknown }, t: TFunction): string {
  if (KNOWN_MESSAGES.includes(issue.message)) return t(`fieldErrors.${issue.message}`);
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 || issue.minimum === 1n ? t('fieldErrors.required') : t('fieldErrors.tooSmall', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? t('fieldErrors.tooLong', { max: String(issue.maximum) }) : t('fieldErrors.tooBig', { max: String(issue.maximum) });
    case 'invalid_type':
      return t('fieldErrors.required');
    default:
      return t('fieldErrors.invalid');
  }
}

export type FieldErrors = Record<string, string>;

/**
 * The note under a text field whose input has reached its maxLength: the browser stops typing (and
 * cuts pasted text) without a word, so say why.
 */
export function lengthLimitNote(value: string, max: number, t: TFunction): string | undefined {
  return value.length >= max ? t('fieldErrors.tooLong', { max: String(max) }) : undefined;
}

/** A date of birth after today (the browser's day) is refused, as the server refuses it. */
export function birthInFuture(dateOfBirth: string, t: TFunction, now = new Date()): string | undefined {
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return dateOfBirth && dateOfBirth > today ? t('fieldErrors.birth-in-future') : undefined;
}

/**
 * Checks a form against the same zod schema the server uses, so most mistakes are shown before
 * anything is sent. Returns the parsed body, or the errors keyed by field.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, t: TFunction): { data: z.output<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (!errors[field]) errors[field] = issueText(issue as Parameters<typeof issueText>[0], t);
  }
  return { data: null, errors };
}

/**
 * Problems that concern one field (a taken code, a date out of range): the field the problem's
 * `code` is about, and the message to show beside it (the problem's own title when not given).
 */
export type ProblemFields = Record<string, { field: string; message?: string; besideOnly?: boolean }>;

/**
 * Whether a problem is said beside its field alone (`besideOnly`), the field's message being the
 * whole story ("ends before it starts"), rather than also above the buttons.
 */
export function problemBesideFieldOnly(problem: ProblemDetails, problemFields: ProblemFields = {}): boolean {
  return problemFields[problem.code]?.besideOnly === true;
}

/**
 * A refused request's problem+json as field errors: each `errors[].path` ("body.names.en") becomes
 * its field ("names.en"), with the contract's message in the user's language; a problem listed in
 * `problemFields` marks its field too.
 */
export function problemFieldErrors(problem: ProblemDetails, t: TFunction, problemFields: ProblemFields = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem.errors ?? []) {
    const field = e.path.replace(/^(body|querystring|params)\.?/, '');
    if (field && !out[field]) out[field] = KNOWN_MESSAGES.includes(e.message) ? t(`fieldErrors.${e.message}`) : t('fieldErrors.invalid');
  }
  const mapped = problemFields[problem.code];
  if (mapped) out[mapped.field] = mapped.message ?? problem.title;
  return out;
}

/** The server's field errors for a failed request, in the user's language. */
export function serverFieldErrors(error: unknown, t: TFunction, problemFields?: ProblemFields): FieldErrors {
  return error instanceof ApiProblem ? problemFieldErrors(error.problem, t, problemFields) : {};
}
