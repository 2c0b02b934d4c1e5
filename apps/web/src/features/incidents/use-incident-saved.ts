import { useQueryClient } from '@tanstack/react-query';
import type { Incident } from '@vigil/contracts';
import { incidentKeys } from './incidents-api.ts';

/** Hands a changed incident to every view of it: the incident page at once, the lists when next shown. */
export function useIncidentSaved() {
  const queryClient = useQueryClient();
  return (incident: Incident) => {
    queryClient.setQueryData(incidentKeys.one(incident.id), incident);
    void queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['incidents', 'prisoner'] });
  };
}
