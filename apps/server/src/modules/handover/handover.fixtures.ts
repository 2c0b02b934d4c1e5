import { extractText, getDocumentProxy } from 'unpdf';
import { PrisonerFile, type HandoverSection, type ReleasePlan } from '@vigil/contracts';
import type { PackageSources } from './handover.rules.ts';

/** Sources in which every part carries a value of its own, so a part's presence is easy to see. */
export function markedSources(): PackageSources {
  const file = PrisonerFile.parse({
    identity: { familyName: 'Раҳимов', givenName: 'Ҷамшед', dateOfBirth: '1990-05-01', placeOfBirth: 'ID-PLACE Кӯлоб', sex: 'male', nationality: 'TJ', documents: [{ kind: 'passport', number: 'ID-DOC-4455' }] },
    legal: { status: 'convicted', charges: [{ offence: 'SENTENCE-OFFENCE Дуздӣ', article: '244' }], sentences: [{ court: 'SENTENCE-COURT Суди Кӯлоб', startDate: '2023-02-01', years: 3, months: 0, days: 0 }] },
    family: { emergencyContact: { name: 'FILE-CONTACT Ҳамсар', relationship: 'ҳамсар' } },
    admission: { health: { mentalHealth: true, notes: 'HEALTH-NOTE ғамгинӣ' } },
    securityCategory: 'medium',
  });
  const plan: ReleasePlan = {
    id: '00000000-0000-4000-8000-000000000001',
    prisonerId: '00000000-0000-4000-8000-000000000002',
    plannedReleaseOn: '2027-01-15',
    accommodation: { kind: 'rented', address: 'ACCOM-ADDRESS кӯчаи Рӯдакӣ 5', confirmed: true },
    work: 'WORK-PLAN дӯзандагӣ',
    contacts: [{ name: 'FAMILY-CONTACT Модар', relationship: 'модар', phone: '+992 90 111 2233', address: null }],
    supervisionConditions: ['SUPERVISION-CONDITION ҳар ҳафта'],
    riskSummary: 'RISK-SUMMARY хавфи миёна',
    agencies: ['SUPERVISION-AGENCY пробатсия'],
    status: 'agreed',
    updatedBy: 'case-manager',
    updatedAt: '2026-12-01T10:00:00.000Z',
    version: 1,
  };
  return {
    file: { file, legalStatus: 'convicted', earliestReleaseOn: '2027-01-15', latestReleaseOn: '2027-03-01' },
    plan,
    assessment: { instrument: 'ASSESSMENT-INSTRUMENT', judgement: 'ASSESSMENT-JUDGEMENT баланд', approvedOn: '2026-11-01', nextReviewOn: '2027-05-01' },
    alerts: [{ name: 'ALERT-NAME худкушӣ', startsOn: '2026-10-01' }],
  };
}

/** The marker each part's values carry in `markedSources`. */
export const MARKERS: Record<HandoverSection, string[]> = {
  identity: ['ID-PLACE', 'ID-DOC-4455'],
  sentence: ['SENTENCE-OFFENCE', 'SENTENCE-COURT'],
  accommodation: ['ACCOM-ADDRESS'],
  work: ['WORK-PLAN'],
  family: ['FAMILY-CONTACT'],
  supervision: ['SUPERVISION-CONDITION', 'SUPERVISION-AGENCY'],
  'risk-summary': ['RISK-SUMMARY'],
  assessment: ['ASSESSMENT-INSTRUMENT', 'ASSESSMENT-JUDGEMENT'],
  alerts: ['ALERT-NAME'],
};

/** The text a reader (or a search) gets out of the PDF, whitespace made single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes (detaches) the buffer it is given: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
