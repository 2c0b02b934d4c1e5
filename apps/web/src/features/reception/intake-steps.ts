import type { Intake, IntakeData } from '@vigil/contracts';

/**
 * The intake wizard's steps, in the order reception works, and the parts of the intake each one
 * fills in. The server says what still stops completion (`missing`, by path); this maps each item
 * back to the step where it is put right.
 */
export const STEPS = [
  { key: 'identity', parts: ['identity'] },
  { key: 'commitment', parts: ['commitmentOrder'] },
  { key: 'legal', parts: ['legal', 'securityCategory', 'cellSharingRisk'] },
  { key: 'health', parts: ['admission', 'family'] },
  { key: 'property', parts: ['property', 'propertySignedOff'] },
  { key: 'arrival', parts: ['search', 'familyNotification', 'rights'] },
  { key: 'review', parts: [] },
] as const satisfies readonly { key: string; parts: readonly (keyof IntakeData)[] }[];

export type StepKey = (typeof STEPS)[number]['key'];
export type StepState = 'todo' | 'done' | 'missing';

type Missing = Intake['missing'][number];

/** The step that owns a path such as "identity.dateOfBirth" or "data.commitmentOrder". */
export function stepOfPath(path: string): StepKey {
  const first = path.replace(/^(body\.)?(data\.)?/, '').split(/[.[]/)[0] ?? '';
  return STEPS.find((s) => (s.parts as readonly string[]).includes(first))?.key ?? 'review';
}

export function missingFor(intake: Pick<Intake, 'missing'>, step: StepKey): Missing[] {
  return intake.missing.filter((m) => stepOfPath(m.path) === step);
}

/** Done when something was saved for the step and nothing it owns is still missing. */
export function stepState(intake: Pick<Intake, 'missing' | 'data'>, step: StepKey): StepState {
  if (step === 'review') return intake.missing.length === 0 ? 'done' : 'todo';
  if (missingFor(intake, step).length > 0) return 'missing';
  const def = STEPS.find((s) => s.key === step)!;
  const saved = (def.parts as readonly (keyof IntakeData)[]).some((p) => intake.data[p] !== undefined);
  return saved ? 'done' : 'todo';
}

/** Where to resume: the first step not yet done, or the review when everything is there. */
export function resumeStep(intake: Pick<Intake, 'missing' | 'data'>): StepKey {
  return STEPS.find((s) => s.key !== 'review' && stepState(intake, s.key) !== 'done')?.key ?? 'review';
}

export function nextStep(step: StepKey): StepKey {
  const i = STEPS.findIndex((s) => s.key === step);
  return STEPS[Math.min(i + 1, STEPS.length - 1)]!.key;
}

export function previousStep(step: StepKey): StepKey {
  const i = STEPS.findIndex((s) => s.key === step);
  return STEPS[Math.max(i - 1, 0)]!.key;
}
