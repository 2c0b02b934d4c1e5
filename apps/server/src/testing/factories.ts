import type { z } from 'zod';
import { AllocateBody, CreateFacilityBody, CreateIntakeBody, CreateLocationBody, CreateProgrammeBody, type Assessment, type Facility, type Instrument, type Intake, type Location, type LocationKind, type Prisoner, type Programme, type Role } from '@vigil/contracts';
import { systemContext } from '../platform/access/actor.ts';
import { facilityBody, type Client, type TestApp, type TestUser } from './harness.ts';
import { admitPrisoner, type PrisonerShape } from './prisoner-fixtures.ts';

type FacilityFields = Partial<z.input<typeof CreateFacilityBody>>;
type IntakeFields = Partial<z.input<typeof CreateIntakeBody>>;
export type PlaceFields = Partial<Pick<z.input<typeof CreateLocationBody>, 'baselineCapacity' | 'operationalCapacity' | 'sexDesignation' | 'securityLevel' | 'specialTypes' | 'code' | 'name'>>;

/**
 * Typed factories for integration tests: each builds a valid record through the module's own
 * service (so it is audited and checked as in use), from the contract's schema (so a field the
 * contract adds or renames breaks the factory, not forty tests), with defaults a test overrides.
 */
export function factories(t: TestApp) {
  const system = systemContext('test');
  let places = 0;
  let programmes = 0;

  const place = (facilityId: string, kind: LocationKind, parentId: string | null, fields: PlaceFields = {}): Promise<Location> => {
    const code = fields.code ?? `${kind.slice(0, 1).toUpperCase()}${++places}`;
    const isCell = kind === 'cell';
    return t.services.locations.create(
      system,
      facilityId,
      CreateLocationBody.parse({
        parentId,
        kind,
        code,
        name: fields.name ?? code,
        baselineCapacity: isCell ? (fields.baselineCapacity ?? 2) : null,
        operationalCapacity: isCell ? (fields.operationalCapacity ?? fields.baselineCapacity ?? 2) : null,
        sexDesignation: isCell ? (fields.sexDesignation ?? 'male') : null,
        securityLevel: isCell ? (fields.securityLevel ?? 'high') : null,
        specialTypes: fields.specialTypes ?? [],
      }),
    );
  };

  return {
    system,

    /** A facility (Tajik colony defaults: Asia/Dushanbe, capacity 1,200). */
    facility: (code: string, fields: FacilityFields = {}): Promise<Facility> => t.services.facilities.create(system, CreateFacilityBody.parse(facilityBody(code, fields))),

    /** A place of any kind under `parentId` (null for a building). */
    place,

    /** Building → wing → landing in a facility; returns each, to hang cells on the landing. */
    async wing(facilityId: string) {
      const building = await place(facilityId, 'building', null);
      const wing = await place(facilityId, 'wing', building.id);
      const landing = await place(facilityId, 'landing', wing.id);
      return { building, wing, landing };
    },

    /** A cell on a landing: male, high security, two places, unless told otherwise. */
    cell: (landing: Pick<Location, 'id' | 'facilityId'>, fields: PlaceFields = {}) => place(landing.facilityId, 'cell', landing.id, fields),

    /** A user with these roles (MFA enrolled where the role needs it), straight in the database. */
    user: (roles: Role[], opts: { facilityIds?: string[]; allFacilities?: boolean; sex?: 'male' | 'female' } = {}): Promise<TestUser> => t.createUser({ roles, ...opts }),

    /** A fully signed-in client for a new user with these roles. */
    signedIn: (roles: Role[], opts: { facilityIds?: string[]; allFacilities?: boolean; sex?: 'male' | 'female' } = {}): Promise<Client> => t.signedIn(roles, opts),

    /** An expected arrival on the reception board (Саидов Умед unless told otherwise). */
    intake: (facilityId: string, fields: IntakeFields = {}): Promise<Intake> =>
      t.services.reception.create(system, facilityId, CreateIntakeBody.parse({ familyName: 'Саидов', givenName: 'Умед', ...fields })),

    /** A prisoner admitted to the facility as reception would, not yet in a cell. */
    prisoner: (facilityId: string, shape: PrisonerShape & { prisonNumber?: string } = {}): Promise<Prisoner> => admitPrisoner(t, facilityId, shape),

    /** Places a prisoner in a cell through allocation (the separation rules apply; no override). */
    placement: (prisoner: Pick<Prisoner, 'id' | 'version'>, cell: Pick<Location, 'id'>): Promise<Prisoner> =>
      t.services.allocation.allocate(system, prisoner.id, AllocateBody.parse({ locationId: cell.id, reason: 'placed by a test', version: prisoner.version })),

    /**
     * An approved assessment of a man (sentence plans link its needs): a psychologist rates every
     * item at the second level of its scale with evidence and submits; a governor approves (four eyes).
     */
    async approvedAssessment(prisoner: Pick<Prisoner, 'id'>, instrumentCode = 'needs-screening'): Promise<Assessment> {
      const assessor = await t.createUser({ roles: ['psychologist'], allFacilities: true });
      const psychologist = t.client();
      await psychologist.signIn(assessor);
      const governor = await t.signedIn(['governor'], { allFacilities: true });
      const { definition } = ((await psychologist.get('/api/v1/assessment-instruments')).body.items as Instrument[]).find((i) => i.code === instrumentCode)!;
      const ratings = Object.fromEntries(definition.items.filter((i) => !i.womenOnly).map((i) => [i.code, { level: i.scale.levels[1]!.code, evidence: 'Interview and file', source: 'Interview' }]));
      let a = (await psychologist.post(`/api/v1/prisoners/${prisoner.id}/assessments`, { instrumentCode, assessorId: assessor.id })).body as Assessment;
      a = (await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings, formulation: 'Needs interact with work and family.', judgement: definition.judgementLevels[0]!.code })).body;
      a = (await psychologist.post(`/api/v1/assessments/${a.id}/submit`, { version: a.version })).body;
      const approved = await governor.post(`/api/v1/assessments/${a.id}/approve`, { version: a.version });
      if (approved.status !== 200) throw new Error(`approval failed: ${JSON.stringify(approved.body)}`);
      return approved.body as Assessment;
    },
    /** A programme in the facility's catalogue: a workshop of ten places, weekdays at nine, open to everyone held there. */
    programme: (facilityId: string, fields: Partial<z.input<typeof CreateProgrammeBody>> = {}): Promise<Programme> =>
      t.services.programmes.create(
        system,
        CreateProgrammeBody.parse({ facilityId, kind: 'vocational', name: `Workshop ${++programmes}`, capacity: 10, sessions: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })), eligibility: [], ...fields }),
      ),
  };
}
export type Factories = ReturnType<typeof factories>;
