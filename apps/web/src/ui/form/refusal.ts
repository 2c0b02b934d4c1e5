import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api/client.ts';
import { problemBesideFieldOnly, serverFieldErrors, type FieldErrors, type ProblemFields } from '../validation.ts';

/** A refused save as a form shows it: errors beside their fields, and the problem for the alert above the buttons. */
export interface Refusal {
  fieldErrors: FieldErrors;
  /** What the alert shows (the error itself, or a copy without what is already beside a field). */
  alert: unknown;
}

/**
 * The kit's reading of a refusal: `errors[].path` and `problemFields` beside their fields, the
 * whole problem in the alert, unless its `problemFields` entry says it is said beside the field only.
 */
export function readRefusal(error: unknown, t: TFunction, problemFields?: ProblemFields): Refusal {
  const besideOnly = error instanceof ApiProblem && problemBesideFieldOnly(error.problem, problemFields);
  return { fieldErrors: serverFieldErrors(error, t, problemFields), alert: besideOnly ? null : error };
}

/**
 * The save button's data-testid: "<form>-save" from the form's own ("alert-type-form" gives
 * "alert-type-save"), or `saveTestId` where journeys already know the button by another name.
 */
export function saveButtonTestId(testId?: string, saveTestId?: string): string | undefined {
  return saveTestId ?? (testId && `${testId.replace(/-form$/, '')}-save`);
}
