import { useQueryClient } from '@tanstack/react-query';
import { countKeys } from '../counts/counts-api.ts';
import { prisonerKeys } from '../prisoners/prisoners-api.ts';
import { movementKeys } from './movements-api.ts';

/**
 * Refreshes what a movement changes: the file (state, place, version, location history), the
 * prisoner's movements, property and release check, and the roll and counts. Only queries on
 * screen are fetched again; the rest are marked stale.
 */
export function useMovementRefresh(prisonerId?: string) {
  const queryClient = useQueryClient();
  return () => {
    if (prisonerId) {
      void queryClient.invalidateQueries({ queryKey: prisonerKeys.one(prisonerId) });
      void queryClient.invalidateQueries({ queryKey: movementKeys.ofPrisoner(prisonerId) });
      void queryClient.invalidateQueries({ queryKey: movementKeys.property(prisonerId) });
      void queryClient.invalidateQueries({ queryKey: movementKeys.releaseCheck(prisonerId) });
      void queryClient.invalidateQueries({ queryKey: [...prisonerKeys.all, 'search'] });
    } else {
      void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
      void queryClient.invalidateQueries({ queryKey: movementKeys.all });
    }
    void queryClient.invalidateQueries({ queryKey: countKeys.all });
  };
}
