/**
 * The kinds of record the audit trail names (`entity_type`), each with a name in the catalogues
 * (audit.entityTypes.*); the filter offers them by name, and the server matches the kind exactly.
 */
export const AUDIT_ENTITY_TYPES = ['alert-type', 'assessment-instrument', 'audit', 'count-session', 'database', 'facility', 'import', 'intake', 'location', 'prisoner', 'prisoner-search', 'programme', 'programme-enrolment', 'programme-register', 'statistics', 'user'] as const;
