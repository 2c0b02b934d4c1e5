import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Permission } from '@vigil/contracts';
import { actionPrefixPattern, csvCell, csvLine, decodeCursor, encodeCursor, facilityLabel, intakeLabel, locationLabel, neutraliseFormula, prisonerLabel, recordsToLabel, userLabel } from './audit.rules.ts';

test('a cursor round-trips a seq and rejects anything it did not make', () => {
  assert.equal(decodeCursor(encodeCursor('42')), '42');
  assert.equal(decodeCursor(encodeCursor('9223372036854775807')), '9223372036854775807');
  assert.equal(decodeCursor('42'), null);
  assert.equal(decodeCursor(Buffer.from('s:0').toString('base64url')), null);
  assert.equal(decodeCursor(Buffer.from("s:1' or 1=1").toString('base64url')), null);
  assert.equal(decodeCursor(''), null);
});

test('the action prefix pattern takes % and _ literally', () => {
  assert.equal(actionPrefixPattern('facility.'), 'facility.%');
  assert.equal(actionPrefixPattern('a%b_c\\'), 'a\\%b\\_c\\\\%');
});

test('cells that a spreadsheet would run as a formula get a leading quote', () => {
  for (const danger of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil")']) {
    assert.equal(neutraliseFormula(danger), `'${danger}`, danger);
  }
  for (const safe of ['facility.created', 'Рахимов', '1-2', ' =x', '']) assert.equal(neutraliseFormula(safe), safe);
});

test('CSV cells are quoted per RFC 4180 after neutralising', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  assert.equal(csvCell('=cmd|" /C calc"!A0'), `"'=cmd|"" /C calc""!A0"`);
  assert.equal(csvCell(null), '');
  assert.equal(csvCell({ b: 1 }), '"{""b"":1}"');
  assert.equal(csvLine(['1', 'x,y', null]), '1,"x,y",\r\n');
});

test('records to label: by kind, once each, only record ids, only kinds the reader may open', () => {
  const events = [
    { entityType: 'prisoner', entityId: '0b6f8a52-5a8e-4c1e-9f55-1b2a3c4d5e6f' },
    { entityType: 'prisoner', entityId: '0B6F8A52-5A8E-4C1E-9F55-1B2A3C4D5E6F' },
    { entityType: 'user', entityId: '1b6f8a52-5a8e-4c1e-9f55-1b2a3c4d5e6f' },
    { entityType: 'statistics', entityId: 'population' },
    { entityType: 'location', entityId: 'not-a-uuid' },
    { entityType: 'audit', entityId: null },
    { entityType: null, entityId: null },
  ];
  assert.deepEqual(
    recordsToLabel(events, new Set<Permission>(['prisoners.read', 'users.read', 'locations.read'])),
    new Map([
      ['prisoner', ['0b6f8a52-5a8e-4c1e-9f55-1b2a3c4d5e6f']],
      ['user', ['1b6f8a52-5a8e-4c1e-9f55-1b2a3c4d5e6f']],
    ]),
  );
  assert.deepEqual(recordsToLabel(events, new Set<Permission>(['prisoners.read'])), new Map([['prisoner', ['0b6f8a52-5a8e-4c1e-9f55-1b2a3c4d5e6f']]]));
  assert.deepEqual(recordsToLabel(events, new Set<Permission>()), new Map());
});

test('labels say who and what, in the script they were entered in', () => {
  assert.equal(prisonerLabel({ family_name: 'Каримов', given_name: 'Далер', patronymic: null, prison_number: 'TJ-17' }), 'Каримов Далер · TJ-17');
  assert.equal(prisonerLabel({ family_name: 'Каримов', given_name: 'Далер', patronymic: 'Ахмадович', prison_number: 'TJ-17' }), 'Каримов Далер Ахмадович · TJ-17');
  assert.equal(userLabel({ family_name: 'Rahimov', given_name: 'Farrukh', username: 'frahimov' }), 'Rahimov Farrukh (frahimov)');
  assert.equal(facilityLabel({ code: 'DSH-1', name: 'Колонияи №1' }), 'DSH-1 · Колонияи №1');
  assert.equal(locationLabel({ path: 'A-1-12', name: 'Камера 12' }), 'A-1-12 · Камера 12');
  assert.equal(intakeLabel({ family_name: 'Саидов', given_name: null }), 'Саидов');
  assert.equal(intakeLabel({ family_name: null, given_name: null }), null);
});
