import type { TFunction } from 'i18next';
import { serverFieldErrors, type FieldErrors, type ProblemFields } from '../validation.ts';

/** A refused save as a form shows it: errors beside their fields, and the problem for the alert above the buttons. */
export interface Refusal {
  fieldErrors: FieldErrors;
  /** What the alert shows (the error itself, or a copy without what is already beside a field). */
  alert: unknown;
}

/** The kit's reading of a refusal: `errors[].path` and `problemFields` beside their fields, the whole problem in the alert. */
export function readRefusal(error: unknown, t: TFunction, problemFields?: ProblemFields): Refusal {
  return { fieldErrors: serverFieldErrors(error, t, problemFields), alert: error };
}

/**
 * The save button's data-testid: "<form>-save" from the form's own ("alert-type-form" gives
 * "alert-type-save"), or `saveTestId` where journeys already know the button by another name.
 */
export function saveButtonTestId(testId?: string, saveTestId?: string): string | undefined {
  return saveTestId ?? (testId && `${testId.replace(/-form$/, '')}-save`);
}
