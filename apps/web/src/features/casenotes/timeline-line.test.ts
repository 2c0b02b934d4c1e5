import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimelineEntry } from '@vigil/contracts';
import { entryDetail, entryLabel } from './timeline-line.ts';

// A stand-in translator that shows which message and values were asked for.
const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}(${Object.entries(values).map(([k, v]) => `${k}=${String(v)}`).join(',')})` : key);
const entry = (type: string, details: TimelineEntry['details'] = {}): TimelineEntry => ({ id: crypto.randomUUID(), type, occurredAt: '2026-11-20T10:00:00.000Z', entityId: crypto.randomUUID(), details });
const names = { en: 'Escape risk', ru: 'Риск побега', tg: 'Хатари фирор' };

test('a line is labelled by its kind; a kind not known yet reads as another event, never as its code', () => {
  assert.equal(entryLabel(entry('prisoner.moved'), t), 'timeline.types.prisoner.moved');
  assert.equal(entryLabel(entry('visit.booked'), t), 'timeline.types.other');
});

test('details are names in the reader’s language, never bare codes', () => {
  assert.equal(entryDetail(entry('alert.raised', { code: 'escape-risk', names }), t, 'tg'), 'Хатари фирор');
  assert.equal(entryDetail(entry('alert.raised', { code: 'escape-risk' }), t, 'tg'), '', 'a code without its names is not shown');
  assert.equal(entryDetail(entry('prisoner.moved', { location: 'A-1-101' }), t, 'en'), 'timeline.movedTo(to=A-1-101)');
  assert.equal(entryDetail(entry('prisoner.moved', { location: 'A-1-101', fromLocation: 'A-1-102' }), t, 'en'), 'timeline.movedFromTo(from=A-1-102,to=A-1-101)');
  assert.equal(entryDetail(entry('prisoner.admitted', { facility: 'СИЗО-2', readmission: true }), t, 'ru'), 'СИЗО-2 · timeline.readmission');
  assert.equal(
    entryDetail(entry('assessment.approved', { code: 've-screening', names, level: 'moderate', levelNames: { en: 'Moderate', ru: 'Умеренный', tg: 'Миёна' } }), t, 'ru'),
    'Риск побега · timeline.judgement(level=Умеренный)',
  );
  assert.equal(entryDetail(entry('programme.ended', { level: 'completed' }), t, 'en'), 'timeline.outcome.completed');
  assert.equal(entryDetail(entry('programme.ended', { level: 'odd' }), t, 'en'), '');
  assert.equal(entryDetail(entry('keywork.session-recorded'), t, 'en'), '');
});

test('a category, an intervention status and a recipient profile are named, not coded', () => {
  const high = { en: 'High', ru: 'Высокая', tg: 'Баланд' };
  assert.equal(entryDetail(entry('classification.decided', { code: 'four-level', level: 'high', levelNames: high, review: true }), t, 'tg'), 'timeline.category(level=Баланд) · timeline.review');
  assert.equal(entryDetail(entry('plan.intervention-changed', { level: 'active' }), t, 'en'), 'timeline.interventionStatus(status=plans.interventionStatus.active)');
  assert.equal(entryDetail(entry('handover.issued', { code: 'police', names: { en: 'Police', ru: 'Полиция', tg: 'Милиция' } }), t, 'ru'), 'Полиция');
});
