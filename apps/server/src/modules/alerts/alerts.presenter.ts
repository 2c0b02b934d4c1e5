import type { AlertType, CalendarDate, CatalogueVersionStatus, LocationAlert, PrisonerAlert } from '@vigil/contracts';
import type { AlertTypeEntry } from './alert-types.catalogue.ts';
import type { AlertRow, LocationAlertRow } from './alerts.repository.ts';
import { alertStatus } from './alerts.rules.ts';

/** A code at one version, with its provenance and its standing on `today`. */
export function presentAlertType(e: AlertTypeEntry, status: CatalogueVersionStatus): AlertType {
  return { code: e.code, ...e.data, version: e.version, effectiveFrom: e.effectiveFrom, source: e.source, author: e.author, createdAt: e.createdAt, status };
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
