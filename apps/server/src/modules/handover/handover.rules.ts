import { HANDOVER_SECTIONS, type CalendarDate, type HandoverSection, type PrisonerFile, type ReleasePlan } from '@vigil/contracts';

/**
 * What a handover package holds. Redaction is by construction: `buildPackage` calls the builder of
 * each part the recipient's profile allows and no other, so a part left out is never read into the
 * package, and the PDF is drawn from the package alone (never from the file or the plan).
 */

/** The parts of the file a package may draw on (the prisoners module's file, read in scope). */
export interface FileSource {
  file: PrisonerFile;
  legalStatus: 'untried' | 'convicted';
  earliestReleaseOn: CalendarDate | null;
  latestReleaseOn: CalendarDate | null;
}

/** The latest approved assessment, its names already in the package's language. */
export interface AssessmentSource {
  instrument: string;
  judgement: string;
  approvedOn: CalendarDate;
  nextReviewOn: CalendarDate | null;
}

export interface AlertSource {
  name: string;
  startsOn: CalendarDate;
}

/**
 * Everything a package could draw on. The service reads the assessment and the alerts only when
 * the profile allows them (undefined otherwise), so a recipient who may not have them costs no read.
 */
export interface PackageSources {
  file: FileSource;
  plan: ReleasePlan;
  assessment?: AssessmentSource | null;
  alerts?: AlertSource[];
}

export interface PackageParts {
  identity: {
    dateOfBirth: CalendarDate;
    placeOfBirth: string | null;
    nationality: string | null;
    aliases: string[];
    languages: string[];
    documents: { kind: PrisonerFile['identity']['documents'][number]['kind']; number: string; country: string | null }[];
  };
  sentence: {
    legalStatus: FileSource['legalStatus'];
    offences: { offence: string; article: string | null }[];
    sentences: { court: string | null; startDate: CalendarDate; years: number; months: number; days: number }[];
    earliestReleaseOn: CalendarDate | null;
    latestReleaseOn: CalendarDate | null;
  };
  accommodation: ReleasePlan['accommodation'];
  work: string | null;
  family: ReleasePlan['contacts'];
  supervision: { conditions: string[]; agencies: string[] };
  'risk-summary': string | null;
  assessment: AssessmentSource | null;
  alerts: AlertSource[];
}

/** A package: the parts its profile allows, each built from its own source only. */
export type HandoverPackage = Partial<PackageParts>;

const PART_BUILDERS: { [S in HandoverSection]: (s: PackageSources) => PackageParts[S] } = {
  identity: ({ file: { file } }) => ({
    dateOfBirth: file.identity.dateOfBirth,
    placeOfBirth: file.identity.placeOfBirth ?? null,
    nationality: file.identity.nationality,
    aliases: file.identity.aliases,
    languages: file.identity.languages,
    documents: file.identity.documents.map((d) => ({ kind: d.kind, number: d.number, country: d.country })),
  }),
  sentence: ({ file: f }) => ({
    legalStatus: f.legalStatus,
    offences: f.file.legal.charges.map((c) => ({ offence: c.offence, article: c.article ?? null })),
    sentences: f.file.legal.sentences.map((s) => ({ court: s.court ?? null, startDate: s.startDate, years: s.years, months: s.months, days: s.days })),
    earliestReleaseOn: f.earliestReleaseOn,
    latestReleaseOn: f.latestReleaseOn,
  }),
  accommodation: ({ plan }) => plan.accommodation,
  work: ({ plan }) => plan.work,
  family: ({ plan }) => plan.contacts,
  supervision: ({ plan }) => ({ conditions: plan.supervisionConditions, agencies: plan.agencies }),
  'risk-summary': ({ plan }) => plan.riskSummary,
  assessment: ({ assessment }) => assessment ?? null,
  alerts: ({ alerts }) => alerts ?? [],
};

/** The parts a profile allows, in the package's order, each once. */
export const allowedSections = (profile: { sections: readonly HandoverSection[] }): HandoverSection[] => HANDOVER_SECTIONS.filter((s) => profile.sections.includes(s));

/** The parts a profile leaves out: named in the package, so the recipient knows what they were not given. */
export const withheldSections = (profile: { sections: readonly HandoverSection[] }): HandoverSection[] => HANDOVER_SECTIONS.filter((s) => !profile.sections.includes(s));

export function buildPackage(sections: readonly HandoverSection[], sources: PackageSources): HandoverPackage {
  const parts: HandoverPackage = {};
  for (const section of HANDOVER_SECTIONS) {
    if (sections.includes(section)) (parts as Record<HandoverSection, unknown>)[section] = PART_BUILDERS[section](sources);
  }
  return parts;
}

/** A plan is made for a release still to come: a planned date before today is a mistake. */
export const releaseDateProblem = (plannedReleaseOn: CalendarDate, today: CalendarDate) => (plannedReleaseOn < today ? ('release-date-past' as const) : null);

/**
 * DOMAIN.md §2.3: the handover is structured information shared on an agreed plan. A draft is
 * still being negotiated with the agencies and is never sent to one.
 */
export const canIssueFrom = (plan: Pick<ReleasePlan, 'status'> | null) => plan?.status === 'agreed';
