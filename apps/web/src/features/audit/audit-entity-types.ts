/**
 * The kinds of record the audit trail names (`entity_type`), each with a name in the catalogues
 * (audit.entityTypes.*); the filter offers them by name, and the server matches the kind exactly.
 */
export const AUDIT_ENTITY_TYPES = ['alert-type', 'assessment', 'assessment-instrument', 'audit', 'casenote', 'category-decision', 'category-scheme', 'count-session', 'database', 'facility', 'force-report', 'force-settings', 'force-technique', 'handover', 'import', 'incident', 'incident-action', 'incident-notification', 'incident-type', 'intake', 'key-work-session', 'key-worker-assignment', 'location', 'observation-level', 'prisoner', 'prisoner-search', 'programme', 'programme-enrolment', 'programme-register', 'recipient-profile', 'sentence-plan', 'statistics', 'user', 'search', 'find', 'evidence-bag', 'search-schedule', 'internal-movement', 'keep-apart', 'regime-day', 'zone', 'alarm', 'alarm-device', 'alarm-type'] as const;
