import type { z } from 'zod';
import type { Import, ImportMapping, ImportSummary } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export type ImportListItem = z.infer<typeof ImportSummary>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server accepts for a file: its own type when it is one of ours. */
function contentTypeOf(file: File): string {
  if (file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (file.type === 'text/csv' || /\.csv$/i.test(file.name)) return 'text/csv';
  return 'application/octet-stream';
}

export const importsApi = {
  list: (facilityId: string | null) => api.get<Items<ImportListItem>>(withQuery('/api/v1/imports', { facilityId })),
  get: (id: string) => api.get<Import>(`/api/v1/imports/${id}`),
  dryRun: (id: string, mapping: ImportMapping, version: number) => api.post<Import>(`/api/v1/imports/${id}/dry-run`, { mapping, version }),
  commit: (id: string, version: number) => api.post<Import>(`/api/v1/imports/${id}/commit`, { version }),

  /** The register goes up as the file itself. */
  upload: (facilityId: string, file: File) =>
    api.upload<Import>('POST', withQuery('/api/v1/imports/prisoners', { facilityId, filename: file.name.slice(0, 200) }), file, contentTypeOf(file)),
};

export const importKeys = {
  all: ['imports'] as const,
  list: (facilityId: string | null) => ['imports', 'list', facilityId] as const,
  one: (id: string) => ['imports', 'one', id] as const,
};

/** Files larger than this are refused by the server (413); the screen says so before sending. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
