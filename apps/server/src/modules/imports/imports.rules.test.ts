import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportField } from '@vigil/contracts';
import { cellIssue, cellKey, checkRow, compareWithExisting, markDuplicatesInFile, registerOrder, rowStatus } from './imports.rules.ts';

const HEADERS = ['prisonNumber', 'familyName', 'givenName', 'dateOfBirth', 'sex', 'legalStatus', 'sentenceStart', 'sentenceTerm', 'admittedOn', 'article', 'extremismRelated', 'cell', 'orderReference'] as const;
const columns = Object.fromEntries(HEADERS.map((h, i) => [h, i])) as Partial<Record<ImportField, number>>;
const ctx = { today: '2026-06-01', filename: 'реестр.xlsx', sha256: 'ab'.repeat(32) };

function row(values: Partial<Record<(typeof HEADERS)[number], string | null>>, refused: number[] = [], line = 2) {
  const base: Record<string, string | null> = {
    prisonNumber: 'А-1001', familyName: 'Раҳимов', givenName: 'Фаррух', dateOfBirth: '12.04.1990', sex: 'м', legalStatus: 'осуждённый',
    sentenceStart: '10.01.2024', sentenceTerm: '5 лет', admittedOn: '15.01.2024', article: '244', extremismRelated: '', cell: null, orderReference: null,
  };
  const merged = { ...base, ...values };
  return { line, cells: HEADERS.map((h) => merged[h] ?? null), refused };
}

test('a complete row becomes a valid file, with the register as its commitment order', () => {
  const r = checkRow(row({}), columns, ctx);
  assert.deepEqual(r.issues, []);
  assert.equal(rowStatus(r), 'ok');
  assert.equal(r.admittedOn, '2024-01-15');
  assert.equal(r.file!.identity.dateOfBirth, '1990-04-12');
  assert.equal(r.file!.identity.sex, 'male');
  assert.deepEqual(r.file!.legal.sentences, [{ startDate: '2024-01-10', years: 5, months: 0, days: 0, remandDays: 0, earlyReleaseDays: 0 }]);
  assert.deepEqual(r.file!.legal.charges, [{ offence: '244', article: '244', extremismRelated: false }]);
  assert.deepEqual(r.file!.legal.commitmentOrders, [registerOrder(ctx, 2, '2024-01-15')]);
  assert.equal(r.file!.legal.commitmentOrders[0]!.kind, 'transfer-order');
  assert.equal(r.file!.legal.commitmentOrders[0]!.issuedBy, 'imported register реестр.xlsx');
  assert.equal(r.file!.securityCategory, 'medium');
});

test('an order reference in the register becomes a court order', () => {
  const convicted = checkRow(row({ orderReference: 'Приговор 1-234/2023' }), columns, ctx);
  assert.deepEqual(convicted.file!.legal.commitmentOrders, [{ kind: 'court-sentence', issuedBy: 'imported register реестр.xlsx', reference: 'Приговор 1-234/2023', issuedOn: '2024-01-15', validUntil: null }]);
  const untried = checkRow(row({ legalStatus: 'подследственный', sentenceStart: null, sentenceTerm: null, orderReference: 'Постановление 55' }), columns, ctx);
  assert.deepEqual(untried.issues, []);
  assert.equal(untried.file!.legal.commitmentOrders[0]!.kind, 'court-detention-order');
});

test('each bad value is reported on its own field, with a stable code', () => {
  const codes = (values: Parameters<typeof row>[0], refused: number[] = []) => checkRow(row(values, refused), columns, ctx).issues.map((i) => `${i.field}:${i.code}`);
  assert.deepEqual(codes({ familyName: null }), ['familyName:required']);
  assert.deepEqual(codes({ dateOfBirth: '31.02.1990' }), ['dateOfBirth:date-invalid']);
  assert.deepEqual(codes({ dateOfBirth: 'весна 1990' }), ['dateOfBirth:date-format']);
  assert.deepEqual(codes({ dateOfBirth: '12.04.2090' }), ['dateOfBirth:birth-in-future', 'dateOfBirth:birth-after-admission', 'sentenceStart:sentence-before-birth']);
  assert.deepEqual(codes({ sex: 'x' }), ['sex:sex-unknown']);
  assert.deepEqual(codes({ legalStatus: 'освобождён' }), ['legalStatus:legal-status-unknown']);
  assert.deepEqual(codes({ sentenceStart: null, sentenceTerm: null }), ['sentenceTerm:sentence-required']);
  assert.deepEqual(codes({ sentenceTerm: 'пожизненно' }), ['sentenceTerm:term-format']);
  assert.deepEqual(codes({ sentenceTerm: '1 год', sentenceStart: '01.01.2020' }), ['sentenceTerm:release-before-admission']);
  assert.deepEqual(codes({ admittedOn: '01.01.2027' }), ['admittedOn:admission-in-future']);
  assert.deepEqual(codes({ prisonNumber: 'A 1001' }), ['prisonNumber:prison-number-format']);
  assert.deepEqual(codes({ familyName: 'Р'.repeat(101) }), ['familyName:too-long']);
  assert.deepEqual(codes({ article: null, extremismRelated: 'да' }), ['extremismRelated:charge-required']);
  assert.deepEqual(codes({ extremismRelated: 'может быть' }), ['extremismRelated:yes-no']);
});

test('a formula-like cell refuses the row, on the field it was mapped to', () => {
  const r = checkRow(row({ familyName: null }, [1]), columns, ctx);
  assert.deepEqual(r.issues, [{ field: 'familyName', code: 'formula-like', detail: null }]);
  assert.equal(rowStatus(r), 'invalid');
  assert.equal(r.file, null);
});

test('a full-name column is split into family name, given name and patronymic', () => {
  const cols = { prisonNumber: 0, fullName: 1, dateOfBirth: 2, sex: 3, legalStatus: 4 };
  const ok = checkRow({ line: 2, cells: ['Б-1', 'Раҳимов Фаррух Саидович', '1990-04-12', 'м', 'подследственный'], refused: [] }, cols, ctx);
  assert.deepEqual([ok.file!.identity.familyName, ok.file!.identity.givenName, ok.file!.identity.patronymic], ['Раҳимов', 'Фаррух', 'Саидович']);
  const short = checkRow({ line: 2, cells: ['Б-1', 'Раҳимов', '1990-04-12', 'м', 'подследственный'], refused: [] }, cols, ctx);
  assert.deepEqual(short.issues.map((i) => `${i.field}:${i.code}`), ['fullName:full-name-parts']);
});

test('the same prison number twice in a file: the repeats are refused, naming the first row', () => {
  const rows = [checkRow(row({}, [], 2), columns, ctx), checkRow(row({ prisonNumber: 'а-1001' }, [], 3), columns, ctx), checkRow(row({ prisonNumber: 'А-1002' }, [], 4), columns, ctx)];
  markDuplicatesInFile(rows);
  assert.deepEqual(rows.map((r) => r.issues), [[], [{ field: 'prisonNumber', code: 'duplicate-in-file', detail: '2' }], []]);
});

test('an existing prison number: the same person is already imported, anyone else is a clash', () => {
  const r = checkRow(row({}), columns, ctx);
  assert.equal(compareWithExisting(r, { family_name: 'раҳимов', given_name: 'Фаррух ', date_of_birth: '1990-04-12' }), 'same-person');
  assert.equal(compareWithExisting(r, { family_name: 'Раҳимов', given_name: 'Фаррух', date_of_birth: '1990-04-13' }), 'different-person');
  assert.equal(compareWithExisting(r, { family_name: 'Саидов', given_name: 'Фаррух', date_of_birth: '1990-04-12' }), 'different-person');
});

test('cells: looked up by path or code; violations worded for the report', () => {
  assert.equal(cellKey(' A-1-01 '), cellKey('a-1-01'));
  assert.equal(cellIssue('sex-designation'), 'cell-sex-designation');
  assert.equal(cellIssue('over-capacity'), 'cell-over-capacity');
  assert.equal(cellIssue('keep-apart'), 'cell-refused');
});
