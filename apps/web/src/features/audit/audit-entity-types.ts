/**
 * The kinds of record the audit trail names (`entity_type`), each with a name in the catalogues
 * (audit.entityTypes.*); the filter offers them by name, and the server matches the kind exactly.
 */
export const AUDIT_ENTITY_TYPES = ['alarm', 'alarm-device', 'alarm-type', 'alert-type', 'assessment', 'assessment-instrument', 'audit', 'casenote', 'category-decision', 'category-scheme', 'count-session', 'database', 'facility', 'handover', 'import', 'intake', 'key-work-session', 'key-worker-assignment', 'location', 'prisoner', 'prisoner-search', 'programme', 'programme-enrolment', 'programme-register', 'recipient-profile', 'sentence-plan', 'statistics', 'user'] as const;
