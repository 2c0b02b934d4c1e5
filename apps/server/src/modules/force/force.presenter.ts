import { ForceReasonData, ForceTechniqueData, type ForceReport, type ForceReportSummary, type ForceTechnique, type ForceUse } from '@vigil/contracts';
import type { ForceTechniqueEntry } from './force.catalogue.ts';
import type { ReportPrisonerRow, ReportRow } from './force.repository.ts';
import { isLate, isOverdue, useDuration } from './force.rules.ts';

export const presentTechnique = (e: ForceTechniqueEntry, status: ForceTechnique['status']): ForceTechnique => ({
  code: e.code,
  ...e.data,
  version: e.version,
  effectiveFrom: e.effectiveFrom,
  source: e.source,
  author: e.author,
  createdAt: e.createdAt,
  status,
});

interface Injury {
  person: 'prisoner' | 'staff' | 'other';
  prisonerId: string | null;
  staffId: string | null;
  name: string | null;
  description: string;
}

const staffRef = (id: string, familyName: string, givenName: string) => ({ id, familyName, givenName });

export function presentSummary(r: ReportRow, prisoners: ReportPrisonerRow[], overMaximum: boolean, now: Date): ForceReportSummary {
  const reason = ForceReasonData.parse(r.reason_data);
  return {
    id: r.id,
    facilityId: r.facility_id,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    prisoners: prisoners.filter((p) => p.report_id === r.id).map((p) => ({ id: p.id, prisonNumber: p.prison_number, familyName: p.family_name, givenName: p.given_name, sex: p.sex })),
    reason: { code: r.reason_code, names: reason.names, ground: reason.ground },
    reportedBy: staffRef(r.reported_by, r.reported_by_family_name, r.reported_by_given_name),
    dueAt: r.due_at?.toISOString() ?? null,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    overdue: isOverdue({ status: r.status, dueAt: r.due_at }, now),
    late: isLate({ dueAt: r.due_at, submittedAt: r.submitted_at }),
    injuries: (r.injuries as Injury[]).length,
    overMaximum,
    incidentId: r.incident_id,
    version: r.version,
  };
}

export interface UseRow {
  id: string;
  prisoner_id: string;
  applied_at: Date;
  removed_at: Date | null;
  technique_code: string;
  technique_version: number;
  technique_data: unknown;
}

export function presentUse(u: UseRow, now: Date): ForceUse {
  const t = ForceTechniqueData.parse(u.technique_data);
  return {
    id: u.id,
    prisonerId: u.prisoner_id,
    technique: { code: u.technique_code, version: u.technique_version, names: t.names, kind: t.kind, maxDurationMinutes: t.maxDurationMinutes, reviewIntervalMinutes: t.reviewIntervalMinutes },
    appliedAt: u.applied_at.toISOString(),
    removedAt: u.removed_at?.toISOString() ?? null,
    ...useDuration({ appliedAt: u.applied_at, removedAt: u.removed_at }, t, now),
  };
}

export function presentReport(r: ReportRow, prisoners: ReportPrisonerRow[], uses: UseRow[], staff: { id: string; family_name: string; given_name: string }[], now: Date): ForceReport {
  const presentedUses = uses.map((u) => presentUse(u, now));
  const staffIds = r.staff as string[];
  const names = new Map(staff.map((s) => [s.id, s]));
  return {
    ...presentSummary(r, prisoners, presentedUses.some((u) => u.overMaximum), now),
    location: r.location,
    account: r.account,
    authorisedBy: staffRef(r.authorised_by, r.authorised_by_family_name, r.authorised_by_given_name),
    staff: staffIds.flatMap((id) => {
      const s = names.get(id);
      return s ? [staffRef(s.id, s.family_name, s.given_name)] : [];
    }),
    uses: presentedUses,
    injuryList: r.injuries as Injury[],
    medical: r.medical_by && r.medical_at && r.medical_findings ? { by: r.medical_by, at: r.medical_at.toISOString(), findings: r.medical_findings } : null,
    footage: r.footage,
    review:
      r.reviewed_by && r.reviewed_at && r.review_outcome && r.review_findings
        ? { by: staffRef(r.reviewed_by, r.reviewed_by_family_name ?? '', r.reviewed_by_given_name ?? ''), at: r.reviewed_at.toISOString(), outcome: r.review_outcome, findings: r.review_findings }
        : null,
    createdAt: r.created_at.toISOString(),
  };
}
