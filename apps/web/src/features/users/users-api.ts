import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody, User } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items, Page, RoleInfo } from '../../api/types.ts';

export interface UserFilters {
  q: string;
  role: string | null;
  includeInactive: boolean;
}

export const usersApi = {
  list: (f: UserFilters, cursor: string | null) =>
    api.get<Page<User>>(withQuery('/api/v1/users', { q: f.q.trim(), role: f.role, includeInactive: f.includeInactive ? 'true' : undefined, cursor, limit: 50 })),
  get: (id: string) => api.get<User>(`/api/v1/users/${id}`),
  create: (body: z.output<typeof CreateUserBody>) => api.post<User>('/api/v1/users', body),
  update: (id: string, body: z.output<typeof UpdateUserBody>) => api.put<User>(`/api/v1/users/${id}`, body),
  deactivate: (id: string, reason: string, version: number) => api.post<User>(`/api/v1/users/${id}/deactivate`, { reason, version }),
  reactivate: (id: string, version: number) => api.post<User>(`/api/v1/users/${id}/reactivate`, { version }),
  resetPassword: (id: string, temporaryPassword: string) => api.post<{ ok: true }>(`/api/v1/users/${id}/reset-password`, { temporaryPassword }),
  resetMfa: (id: string) => api.post<{ ok: true }>(`/api/v1/users/${id}/reset-mfa`, {}),
  roles: () => api.get<Items<RoleInfo>>('/api/v1/roles'),
};

export const userKeys = {
  all: ['users'] as const,
  list: (f: UserFilters) => ['users', 'list', f] as const,
  one: (id: string) => ['users', 'one', id] as const,
};
