/**
 * What the alerts module lets other modules use: the SQL test of an alert in force on a day, so
 * allocation and movements judge "in force" exactly as the alerts themselves do.
 */
export { alertInForce } from './alerts.repository.ts';
