import { CaseNoteTypeData, type CaseNote, type KeyWorkerAssignment, type KeyWorkSession, type TimelineDetails, type TimelineEntry } from '@vigil/contracts';
import type { Selectable } from 'kysely';
import type { TimelineEntries } from '../../platform/db/schema.ts';
import type { AssignmentRow, NoteRow, SessionRow } from './casenotes.repository.ts';

export const presentNote = (r: NoteRow): CaseNote => ({
  id: r.id,
  prisonerId: r.prisoner_id,
  type: { code: r.type_code, version: r.type_version, names: CaseNoteTypeData.parse(r.type_data).names },
  sensitivity: r.sensitive ? 'sensitive' : 'normal',
  text: r.body,
  author: { id: r.author_id, familyName: r.author_family_name, givenName: r.author_given_name },
  createdAt: r.created_at.toISOString(),
  corrects: r.corrects,
  correctedBy: r.corrected_by,
});

export const presentAssignment = (r: AssignmentRow): KeyWorkerAssignment => ({
  id: r.id,
  staff: { id: r.staff_id, familyName: r.staff_family_name, givenName: r.staff_given_name },
  from: r.from_on,
  to: r.to_on,
  assignedBy: { id: r.by_id, familyName: r.by_family_name, givenName: r.by_given_name },
});

export const presentSession = (r: SessionRow): KeyWorkSession => ({
  id: r.id,
  prisonerId: r.prisoner_id,
  heldOn: r.held_on,
  durationMinutes: r.duration_minutes,
  place: r.place,
  summary: r.summary,
  mood: r.mood,
  engagement: r.engagement,
  concerns: r.concerns,
  followUp: r.follow_up,
  heldBy: { id: r.held_by, familyName: r.held_by_family_name, givenName: r.held_by_given_name },
  createdAt: r.created_at.toISOString(),
});

export const presentEntry = (r: Selectable<TimelineEntries>): TimelineEntry => ({
  id: r.id,
  type: r.event_type,
  occurredAt: r.occurred_at.toISOString(),
  entityId: r.entity_id,
  details: r.details as TimelineDetails,
});
