import type { ColumnType, Generated } from 'kysely';

// Row types of the migrated schema. Keep in step with migrations/*.sql; the schema test compares
// these columns with information_schema on a freshly migrated database.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FacilitiesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_latin: string | null;
  country: string;
  region: string;
  time_zone: string;
  type: string;
  capacity: number;
  active: Generated<boolean>;
  deactivation_reason: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface LocationsTable {
  id: Generated<string>;
  facility_id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
  baseline_capacity: number | null;
  operational_capacity: number | null;
  sex_designation: string | null;
  security_level: string | null;
  special_types: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  deactivation_reason: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  staff_number: string;
  username: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  family_name_latin: string | null;
  given_name_latin: string | null;
  language: string;
  roles: string[];
  all_facilities: Generated<boolean>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  mfa_last_step: number | null;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  deactivation_reason: string | null;
  deactivated_at: Timestamp | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface UserFacilitiesTable {
  user_id: string;
  facility_id: string;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  step: string;
  csrf_token: string;
  active_facility_id: string | null;
  pending_mfa_secret: string | null;
  client_ip: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
  seq: ColumnType<string, string | bigint, never>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_roles: ColumnType<string[], string[] | undefined, never>;
  facility_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: ColumnType<string, string | bigint, string | bigint>;
  hash: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: DefaultTimestamp;
}

export interface DB {
  facilities: FacilitiesTable;
  locations: LocationsTable;
  users: UsersTable;
  user_facilities: UserFacilitiesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationsTable;
}
