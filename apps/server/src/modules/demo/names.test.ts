import { test } from 'node:test';
import assert from 'node:assert/strict';
import { femaleFamilyName, patronymic, randomPerson } from './names.ts';
import { seededRandom } from './random.ts';

test('patronymics follow the Russian pattern used on documents in Tajikistan', () => {
  assert.equal(patronymic('Абдулло', false), 'Абдуллоевич');
  assert.equal(patronymic('Петр', false), 'Петрович');
  assert.equal(patronymic('Сергей', true), 'Сергеевна');
  assert.equal(patronymic('Николай', false), 'Николаевич');
  assert.equal(patronymic('Эргаш', true), 'Эргашевна');
  assert.equal(patronymic('Ҷӯра', false), 'Ҷӯраевич');
});

test('female family names: -ов/-ев take -а; -зода and -ӣ do not change', () => {
  assert.equal(femaleFamilyName('Рахимов'), 'Рахимова');
  assert.equal(femaleFamilyName('Эргашев'), 'Эргашева');
  assert.equal(femaleFamilyName('Раҳимзода'), 'Раҳимзода');
  assert.equal(femaleFamilyName('Шарифӣ'), 'Шарифӣ');
});

test('random people are Cyrillic with ASCII Latin forms, and the same seed gives the same people', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  for (let i = 0; i < 200; i++) {
    const p = randomPerson(a);
    assert.deepEqual(p, randomPerson(b));
    assert.match(p.familyName, /^[\p{Script=Cyrillic}]+$/u);
    assert.match(`${p.familyNameLatin}${p.givenNameLatin}`, /^[A-Za-z']+$/);
  }
});
