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

/** A calendar date as 'YYYY-MM-DD' (see connect.ts: `date` is never turned into a JS Date). */
type CalendarDate = string;

export interface PrisonersTable {
  id: Generated<string>;
  prison_number: string;
  facility_id: string;
  state: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  family_name_latin: string | null;
  given_name_latin: string | null;
  patronymic_latin: string | null;
  date_of_birth: CalendarDate;
  sex: string;
  legal_status: string;
  security_category: string;
  cell_sharing_risk: Generated<boolean>;
  extremism_related: Generated<boolean>;
  nationality: string | null;
  admitted_at: Timestamp;
  released_at: Timestamp | null;
  earliest_release_date: CalendarDate | null;
  latest_release_date: CalendarDate | null;
  current_location_id: string | null;
  photo_sha256: string | null;
  file: ColumnType<unknown, string, string>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PrisonerVersionsTable {
  prisoner_id: string;
  version: number;
  snapshot: ColumnType<unknown, string, never>;
  reason: string;
  author_user_id: string | null;
  author_username: string;
  created_at: DefaultTimestamp;
}

export interface PrisonerPhotosTable {
  sha256: string;
  content_type: string;
  bytes: Buffer;
  created_at: DefaultTimestamp;
}

export interface PrisonerSearchTermsTable {
  id: Generated<string>;
  prisoner_id: string;
  kind: 'name' | 'alias' | 'number';
  term: string;
  key: string;
}

export interface IntakesTable {
  id: Generated<string>;
  facility_id: string;
  status: string;
  expected_on: CalendarDate | null;
  arriving_from: string | null;
  data: ColumnType<unknown, string | undefined, string>;
  prisoner_id: string | null;
  linked_existing: Generated<boolean>;
  cancel_reason: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PropertyItemsTable {
  id: Generated<string>;
  prisoner_id: string;
  description: string;
  quantity: number;
  storage: string;
  seal_number: string | null;
  received_by: string;
  received_at: DefaultTimestamp;
  returned_at: Timestamp | null;
  returned_by: string | null;
}

export interface AlertTypesTable {
  code: string;
  name_en: string;
  name_ru: string;
  name_tg: string;
  needs_related_prisoner: Generated<boolean>;
  blocks_cell_sharing: Generated<boolean>;
  restricted_to: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface PrisonerAlertsTable {
  id: Generated<string>;
  prisoner_id: string;
  code: string;
  related_prisoner_id: string | null;
  comment: string | null;
  starts_on: CalendarDate;
  ends_on: CalendarDate | null;
  raised_by: string;
  ended_by: string | null;
  end_reason: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
}

export interface PlacementsTable {
  id: Generated<string>;
  prisoner_id: string;
  facility_id: string;
  location_id: string | null;
  from_at: DefaultTimestamp;
  to_at: Timestamp | null;
  reason: string;
  override_reason: string | null;
  moved_by: string;
}

export interface MovementsTable {
  id: Generated<string>;
  prisoner_id: string;
  kind: string;
  from_facility_id: string;
  to_facility_id: string | null;
  destination: string | null;
  reason: string;
  escort: string | null;
  out_at: DefaultTimestamp;
  in_at: Timestamp | null;
  recorded_by: string;
  received_by: string | null;
}

export interface CountSessionsTable {
  id: Generated<string>;
  facility_id: string;
  status: string;
  started_by: string;
  started_at: DefaultTimestamp;
  closed_at: Timestamp | null;
  version: Generated<number>;
}

export interface CountEntriesTable {
  session_id: string;
  location_id: string;
  expected: number;
  counted: number;
  counted_by: string;
  counted_at: DefaultTimestamp;
  resolution: string | null;
}

export interface ImportsTable {
  id: Generated<string>;
  facility_id: string;
  filename: string;
  sha256: string;
  size_bytes: number;
  format: 'csv' | 'xlsx';
  status: 'uploaded' | 'validated' | 'committing' | 'committed' | 'failed';
  headers: ColumnType<string[], string, string>;
  rows: ColumnType<unknown, string, string>;
  row_count: number;
  mapping: ColumnType<unknown, string | undefined, string>;
  report: ColumnType<unknown, string | null, string | null>;
  created_count: Generated<number>;
  failure: string | null;
  created_by: string | null;
  created_by_username: string;
  committed_at: Timestamp | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DomainEventsTable {
  seq: ColumnType<string, never, never>;
  id: Generated<string>;
  type: string;
  entity_type: string;
  entity_id: string;
  facility_id: string | null;
  payload: ColumnType<unknown, string, never>;
  occurred_at: DefaultTimestamp;
}

export interface DomainEventsHandledTable {
  subscriber: string;
  event_id: string;
  handled_at: DefaultTimestamp;
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
  prisoners: PrisonersTable;
  prisoner_versions: PrisonerVersionsTable;
  prisoner_photos: PrisonerPhotosTable;
  prisoner_search_terms: PrisonerSearchTermsTable;
  intakes: IntakesTable;
  property_items: PropertyItemsTable;
  alert_types: AlertTypesTable;
  prisoner_alerts: PrisonerAlertsTable;
  placements: PlacementsTable;
  movements: MovementsTable;
  count_sessions: CountSessionsTable;
  count_entries: CountEntriesTable;
  imports: ImportsTable;
  domain_events: DomainEventsTable;
  domain_events_handled: DomainEventsHandledTable;
}
