import type { AlertType, CalendarDate, LocationAlert, PrisonerAlert, Role } from '@vigil/contracts';
import type { AlertRow, AlertTypeRow, LocationAlertRow } from './alerts.repository.ts';
import { alertStatus } from './alerts.rules.ts';

export function presentAlertType(r: AlertTypeRow): AlertType {
  return {
    code: r.code,
    names: { en: r.name_en, ru: r.name_ru, tg: r.name_tg },
    needsRelatedPrisoner: r.needs_related_prisoner,
    blocksCellSharing: r.blocks_cell_sharing,
    restrictedTo: r.restricted_to as Role[],
    active: r.active,
    version: r.version,
  };
}

/** The allow-list of alert fields; the other prisoner's name only when the reader may see them. */
export function presentAlert(r: AlertRow, today: CalendarDate): PrisonerAlert {
  return {
    id: r.id,
    prisonerId: r.prisoner_id,
    code: r.code,
    status: alertStatus({ startsOn: r.starts_on, endsOn: r.ends_on, endedBy: r.ended_by }, today),
    relatedPrisoner: r.related_prisoner_id
      ? {
          id: r.related_prisoner_id,
          visible: r.related_visible,
          prisonNumber: r.related_visible ? r.related_prison_number : null,
          familyName: r.related_visible ? r.related_family_name : null,
          givenName: r.related_visible ? r.related_given_name : null,
        }
      : null,
    comment: r.comment,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    raisedBy: r.raised_by,
    raisedAt: new Date(r.created_at).toISOString(),
    endedBy: r.ended_by,
    endReason: r.end_reason,
    version: r.version,
  };
}

export function presentLocationAlert(r: LocationAlertRow, today: CalendarDate): LocationAlert {
  return {
    ...presentAlert(r, today),
    prisoner: {
      id: r.prisoner_id,
      prisonNumber: r.prison_number,
      familyName: r.family_name,
      givenName: r.given_name,
      patronymic: r.patronymic,
      locationPath: r.location_path,
    },
  };
}
