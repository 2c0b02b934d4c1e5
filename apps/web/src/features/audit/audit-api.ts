import type { AuditEvent } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { AuditVerifyResult, Page } from '../../api/types.ts';

export interface AuditFilters {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  facilityId: string | null;
  /** ISO 8601 with offset, or empty. */
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { actor: '', action: '', entityType: '', entityId: '', facilityId: null, from: '', to: '' };

const query = (f: AuditFilters) => ({ actor: f.actor.trim(), action: f.action.trim(), entityType: f.entityType.trim(), entityId: f.entityId.trim(), facilityId: f.facilityId, from: f.from, to: f.to });

export const auditApi = {
  events: (f: AuditFilters, cursor: string | null) => api.get<Page<AuditEvent>>(withQuery('/api/v1/audit/events', { ...query(f), cursor, limit: 50 })),
  csvUrl: (f: AuditFilters) => withQuery('/api/v1/audit/events.csv', query(f)),
  verify: () => api.get<AuditVerifyResult>('/api/v1/audit/verify'),
};
