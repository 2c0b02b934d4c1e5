import type { StaffMember } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';

/** An officer as lists show them: family name and initial. */
export const staffName = (s: Pick<StaffMember, 'familyName' | 'givenName'> | null | undefined) => (s ? [s.familyName, s.givenName ? `${s.givenName.charAt(0)}.` : ''].filter(Boolean).join(' ') : '—');
export const staffNames = (list: readonly StaffMember[]) => list.map(staffName).join(', ') || '—';

/** The facility the signed-in officer is working in, with its time zone. */
export function useActiveFacility() {
  const { session } = useSession();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const facility = session.facilities.find((f) => f.id === facilityId) ?? null;
  return { facilityId, facility, timeZone: facility?.timeZone ?? 'UTC' };
}
