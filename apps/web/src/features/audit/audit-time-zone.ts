import { useSession } from '../../app/session.tsx';

/**
 * The one clock the whole audit screen uses (rows of different facilities used to show different
 * clocks, unlabelled): the facility filtered on, else the active facility, else the browser's own.
 */
export function useAuditTimeZone(filteredFacilityId: string | null): string {
  const { session } = useSession();
  const zoneOf = (id: string | null) => (id ? session.facilities.find((f) => f.id === id)?.timeZone : undefined);
  return zoneOf(filteredFacilityId) ?? zoneOf(session.activeFacilityId) ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
