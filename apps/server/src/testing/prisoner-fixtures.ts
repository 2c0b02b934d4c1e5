import { PrisonerFile, type Prisoner, type SecurityLevel } from '@vigil/contracts';
import { systemContext } from '../platform/access/actor.ts';
import type { TestApp } from './harness.ts';

export interface PrisonerShape {
  familyName?: string;
  givenName?: string;
  dateOfBirth?: string;
  sex?: 'male' | 'female';
  legalStatus?: 'untried' | 'convicted';
  securityCategory?: SecurityLevel;
  cellSharingRisk?: boolean;
  extremismRelated?: boolean;
}

/** A complete, valid file (defaults filled in by the contract itself). */
export function prisonerFile(s: PrisonerShape = {}): PrisonerFile {
  const legalStatus = s.legalStatus ?? 'convicted';
  return PrisonerFile.parse({
    identity: {
      familyName: s.familyName ?? 'Раҳимов',
      givenName: s.givenName ?? 'Фаррух',
      dateOfBirth: s.dateOfBirth ?? '1990-04-12',
      sex: s.sex ?? 'male',
    },
    legal: {
      status: legalStatus,
      charges: [{ offence: 'Theft', extremismRelated: s.extremismRelated ?? false }],
      sentences: legalStatus === 'convicted' ? [{ startDate: '2024-01-10', years: 5, months: 0, days: 0 }] : [],
    },
    securityCategory: s.securityCategory ?? 'medium',
    cellSharingRisk: s.cellSharingRisk ?? false,
  });
}

let counter = 0;

/** Admits a prisoner straight through the service (as reception would), in the facility, not yet in a cell. */
export async function admitPrisoner(t: TestApp, facilityId: string, s: PrisonerShape & { prisonNumber?: string } = {}): Promise<Prisoner> {
  const prisonNumber = s.prisonNumber ?? `T-${process.pid}-${++counter}`;
  return t.db.transaction().execute((trx) =>
    t.services.prisoners.admit(trx, systemContext('test'), { facilityId, prisonNumber, file: prisonerFile(s), admittedAt: new Date(), reason: 'test admission' }),
  );
}
