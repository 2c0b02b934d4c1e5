import { useState } from 'react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../../api/types.ts';
import type { ServerPagination } from './data-table.tsx';

/**
 * Server pagination over a cursor API (`?cursor=…` → `{ items, next }`, as /api/v1/users): the
 * server only knows "the page after this one", so the cursors of the pages already seen are kept
 * to go back. Changing the query key (new filters) starts again at the first page. The page shown
 * stays on screen while the next one loads.
 */
export function useCursorPages<T>({ queryKey, fetchPage }: { queryKey: QueryKey; fetchPage: (cursor: string | null) => Promise<Page<T>> }) {
  const filters = JSON.stringify(queryKey);
  const [state, setState] = useState<{ filters: string; cursors: (string | null)[] }>({ filters, cursors: [null] });
  const cursors = state.filters === filters ? state.cursors : [null];
  const cursor = cursors.at(-1) ?? null;
  const query = useQuery({ queryKey: [...queryKey, { cursor }], queryFn: () => fetchPage(cursor), placeholderData: keepPreviousData });
  const next = query.isPlaceholderData ? null : (query.data?.next ?? null);

  const pagination: ServerPagination = {
    mode: 'server',
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: next !== null,
    loading: query.isFetching,
    onPrevious: () => setState({ filters, cursors: cursors.slice(0, -1) }),
    onNext: () => next !== null && setState({ filters, cursors: [...cursors, next] }),
  };
  return { rows: query.data?.items, query, pagination };
}
