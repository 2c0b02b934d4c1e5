import { useQuery } from '@tanstack/react-query';
import type { Prisoner } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { incidentKeys, incidentsApi } from './incidents-api.ts';
import { IncidentsTable } from './incidents-table.tsx';

/** The prisoner file's "Incidents": every incident they were involved in, in the reader's facilities. */
export function IncidentsTab({ prisoner }: { prisoner: Prisoner }) {
  const { session } = useSession();
  const list = useQuery({ queryKey: incidentKeys.ofPrisoner(prisoner.id), queryFn: () => incidentsApi.ofPrisoner(prisoner.id) });
  return <IncidentsTable rows={list.data?.items} query={list} showFacility={session.facilities.length > 1} testId="prisoner-incidents-table" />;
}
