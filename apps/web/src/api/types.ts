import type { z } from 'zod';
import type * as C from '@vigil/contracts';

// Response and request shapes, inferred from the contracts the server validates with.
export type Dashboard = z.infer<typeof C.Dashboard>;
export type FacilityStats = z.infer<typeof C.FacilityStats>;
export type AuditVerifyResult = z.infer<typeof C.AuditVerifyResult>;
export type Page<T> = { items: T[]; next: string | null };
export type Items<T> = { items: T[] };
export type RoleInfo = z.infer<typeof C.RoleInfo>;
