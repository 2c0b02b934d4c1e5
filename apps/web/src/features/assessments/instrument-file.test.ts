import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { INSTRUMENT_IMPORT_LIMIT_BYTES } from '@vigil/contracts';
import { instrumentFaults, placeInFile, readInstrumentFile } from './instrument-file.ts';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

test('a file over 2 MB is refused by its size, a file that is not JSON by its content', () => {
  assert.deepEqual(readInstrumentFile({ size: INSTRUMENT_IMPORT_LIMIT_BYTES + 1 }, '', t), { problem: 'instruments.import.tooLarge {"size":"2.0"}' });
  assert.deepEqual(readInstrumentFile({ size: 12 }, '{"code": ', t), { problem: 'instruments.import.notJson' });
  assert.deepEqual(readInstrumentFile({ size: INSTRUMENT_IMPORT_LIMIT_BYTES }, '{"code":"x"}', t), { definition: { code: 'x' } });
});

test('a place in the definition is written as a JSON editor names it', () => {
  assert.equal(placeInFile('items.3.domain'), 'items[3].domain');
  assert.equal(placeInFile('items.12.scale.levels.0.code'), 'items[12].scale.levels[0].code');
  assert.equal(placeInFile('domains.1'), 'domains[1]');
  assert.equal(placeInFile('reviewIntervalMonths'), 'reviewIntervalMonths');
});

test("the server's faults read in the reader's language: problem codes by their titles, field checks by the same schema run here", () => {
  const definition = { code: 'x', names: { en: 'X', ru: 'X', tg: '' } };
  const problem = {
    type: 'about:blank',
    title: 'Not valid',
    status: 422,
    code: 'instrument-invalid',
    errors: [
      { path: 'definition.items.1.domain', message: 'instrument-domain-unknown' },
      { path: 'definition.names.tg', message: 'Too small: expected string to have >=1 characters' },
      { path: 'definition.reviewIntervalMonths', message: 'Invalid input: expected number, received undefined' },
      { path: 'definition', message: 'toString' },
    ],
  };
  assert.deepEqual(instrumentFaults(problem, definition, 'ru', t), [
    { where: 'items[1].domain', message: 'Этот пункт ссылается на домен, которого нет в инструменте.' },
    { where: 'names.tg', message: 'fieldErrors.required' },
    { where: 'reviewIntervalMonths', message: 'fieldErrors.required' },
    { where: 'instruments.import.wholeFile', message: 'fieldErrors.invalid' },
  ]);
  assert.equal(instrumentFaults(problem, definition, 'de', t)[0]!.message, 'This item names a domain the instrument does not have.');
});
