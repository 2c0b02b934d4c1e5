import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/client.ts';

type Listener = (message: string) => void;
let listener: Listener | null = null;

/** A failure outside any form (switching facility, saving a preference) becomes a toast. */
export function notifyError(error: unknown, t: TFunction) {
  const message = error instanceof ApiProblem && error.status > 0 ? error.problem.title : t('errors.network');
  listener?.(message);
}

export const onNotify = (l: Listener | null) => {
  listener = l;
};
