import { TIMELINE_EVENT_TYPES, type TimelineEntry } from '@vigil/contracts';
import { inLanguage } from './casenotes-api.ts';

type T = (key: string, values?: Record<string, unknown>) => string;

/** The kinds of entry the timeline names; a kind added later reads as "another event". */
const KNOWN = new Set<string>(TIMELINE_EVENT_TYPES);

/** An entry's label (what happened) in the reader's language. */
export const entryLabel = (e: TimelineEntry, t: T) => t(`timeline.types.${KNOWN.has(e.type) ? e.type : 'other'}`);

/**
 * What else the line says: names resolved when it happened (a place, a facility, an alert type, a
 * judgement level), in the reader's language; empty when the entry carries nothing more.
 */
export function entryDetail(e: TimelineEntry, t: T, language: string): string {
  const d = e.details;
  const names = inLanguage(d.names, language);
  switch (e.type) {
    case 'prisoner.admitted':
      return [d.facility, d.readmission ? t('timeline.readmission') : null].filter(Boolean).join(' · ');
    case 'prisoner.moved':
      return d.location ? (d.fromLocation ? t('timeline.movedFromTo', { from: d.fromLocation, to: d.location }) : t('timeline.movedTo', { to: d.location })) : '';
    case 'prisoner.transferred':
      return d.facility ? t('timeline.transferredTo', { to: d.facility, from: d.fromFacility ?? '—' }) : '';
    case 'alert.raised':
    case 'alert.ended':
    case 'casenote.recorded':
      return names ?? '';
    case 'assessment.approved': {
      const level = inLanguage(d.levelNames, language);
      return [names, level && t('timeline.judgement', { level })].filter(Boolean).join(' · ');
    }
    case 'classification.decided': {
      const level = inLanguage(d.levelNames, language) ?? d.level;
      return [level && t('timeline.category', { level }), d.review ? t('timeline.review') : null].filter(Boolean).join(' · ');
    }
    case 'plan.intervention-changed':
      return d.level ? t('timeline.interventionStatus', { status: t(`plans.interventionStatus.${d.level}`) }) : '';
    case 'handover.issued':
      return names ?? '';
    case 'programme.ended':
      return d.level === 'completed' || d.level === 'withdrawn' ? t(`timeline.outcome.${d.level}`) : '';
    default:
      return '';
  }
}
