import { itemApplies, UNKNOWN_LEVEL, type CalendarDate, type InstrumentDefinition, type ProblemCode, type Sex } from '@vigil/contracts';
import { addMonths } from '../../platform/time/calendar.ts';

/** A fault in an assessment, at its path in the request body, with the problem code as its message. */
export interface Fault {
  path: string;
  message: ProblemCode;
}

export interface StoredRating {
  level: string;
  evidence: string | null;
  source: string | null;
}

export interface AssessmentContent {
  ratings: Record<string, StoredRating>;
  formulation: string | null;
  judgement: string | null;
}

type Definition = Pick<InstrumentDefinition, 'domains' | 'items' | 'judgementLevels'>;


/**
 * What a saved draft may hold: ratings only of the instrument's items that apply to this prisoner,
 * each a level of the item's own scale (or "unknown" where the scale allows it), and a judgement
 * that is one of the instrument's levels. Missing ratings are fine until the draft is submitted.
 */
export function draftFaults(def: Definition, sex: Sex, content: AssessmentContent): Fault[] {
  const items = new Map(def.items.map((i) => [i.code, i]));
  const faults: Fault[] = [];
  for (const [code, rating] of Object.entries(content.ratings)) {
    const item = items.get(code);
    if (!item) faults.push({ path: `ratings.${code}`, message: 'assessment-rating-invalid' });
    else if (!itemApplies(def, item, sex)) faults.push({ path: `ratings.${code}`, message: 'assessment-item-women-only' });
    else if (!(item.scale.levels.some((l) => l.code === rating.level) || (item.scale.allowsUnknown && rating.level === UNKNOWN_LEVEL))) {
      faults.push({ path: `ratings.${code}.level`, message: 'assessment-rating-invalid' });
    }
  }
  if (content.judgement !== null && !def.judgementLevels.some((l) => l.code === content.judgement)) faults.push({ path: 'judgement', message: 'assessment-judgement-invalid' });
  return faults;
}

/**
 * What a submission needs besides a valid draft (DOMAIN.md §5.5): every item that applies to this
 * prisoner rated, with evidence for each rating (women-only items are required for women), a
 * written formulation and the assessor's final judgement. The judgement is never computed.
 */
export function submitFaults(def: Definition, sex: Sex, content: AssessmentContent): Fault[] {
  const faults = draftFaults(def, sex, content);
  for (const item of def.items.filter((i) => itemApplies(def, i, sex))) {
    const rating = content.ratings[item.code];
    if (!rating) faults.push({ path: `ratings.${item.code}`, message: 'assessment-item-unrated' });
    else if (!rating.evidence?.trim()) faults.push({ path: `ratings.${item.code}.evidence`, message: 'assessment-evidence-missing' });
  }
  if (!content.formulation?.trim()) faults.push({ path: 'formulation', message: 'assessment-formulation-missing' });
  if (content.judgement === null) faults.push({ path: 'judgement', message: 'assessment-judgement-missing' });
  return faults;
}

/** Four eyes (DOMAIN.md §5.5): the approver is neither the assessment's author nor its assessor. */
export function ownApproval(approverId: string, a: { assessorId: string; createdBy: string }): boolean {
  return approverId === a.assessorId || approverId === a.createdBy;
}

/** When an approved assessment is due for review: the approval day plus the instrument's interval in months. */
export function nextReviewOn(approvedOn: CalendarDate, months: number): CalendarDate {
  return addMonths(approvedOn, months);
}
