import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionPrefixPattern, csvCell, csvLine, decodeCursor, encodeCursor, neutraliseFormula } from './audit.rules.ts';

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
