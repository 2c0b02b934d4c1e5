import { useSession } from '../../app/session.tsx';

/** The facility's time zone, for showing instants as local staff read them (UTC if unknown). */
export function useFacilityTimeZone(facilityId: string | null | undefined): string {
  const { session } = useSession();
  return session.facilities.find((f) => f.id === facilityId)?.timeZone ?? 'UTC';
}
