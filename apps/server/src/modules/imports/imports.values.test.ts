import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isBlank, isFormulaLike, parseCountry, parseDate, parseLegalStatus, parseSecurityCategory, parseSex, parseTerm, parseYesNo, sameName } from './imports.values.ts';

test('dates: DD.MM.YYYY as registers write them, ISO, Excel day numbers; impossible days refused', () => {
  assert.equal(parseDate('12.04.1990'), '1990-04-12');
  assert.equal(parseDate('2.4.1990'), '1990-04-02');
  assert.equal(parseDate('12/04/1990'), '1990-04-12');
  assert.equal(parseDate('12.04.1990 г.'), '1990-04-12');
  assert.equal(parseDate('1990-04-12'), '1990-04-12');
  assert.equal(parseDate('1990-04-12T00:00:00.000Z'), '1990-04-12');
  assert.equal(parseDate('32874'), '1990-01-01');
  assert.equal(parseDate('31.02.1990'), 'date-invalid');
  assert.equal(parseDate('1990-13-01'), 'date-invalid');
  assert.equal(parseDate('April 1990'), 'date-format');
  assert.equal(parseDate('04/12/90'), 'date-format');
  assert.equal(parseDate('123'), 'date-format');
});

test('every real day written DD.MM.YYYY reads back as the same ISO day', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const [y, m, day] = iso.split('-');
      assert.equal(parseDate(`${day}.${m}.${y}`), iso);
    }),
  );
});

test('sex, legal status and security category in Russian, Tajik and English', () => {
  for (const w of ['м', 'М.', 'муж', 'мужской', 'мард', 'male', 'M']) assert.equal(parseSex(w), 'male', w);
  for (const w of ['ж', 'жен.', 'женский', 'зан', 'female', 'F']) assert.equal(parseSex(w), 'female', w);
  assert.equal(parseSex('другое'), null);
  for (const w of ['подследственный', 'Обвиняемая', 'untried', 'айбдоршаванда']) assert.equal(parseLegalStatus(w), 'untried', w);
  for (const w of ['осуждённый', 'Осужденная', 'convicted', 'маҳкумшуда']) assert.equal(parseLegalStatus(w), 'convicted', w);
  assert.equal(parseLegalStatus('освобождён'), null);
  assert.equal(parseSecurityCategory('Высокая'), 'high');
  assert.equal(parseSecurityCategory('миёна'), 'medium');
  assert.equal(parseSecurityCategory('maximum'), 'maximum');
  assert.equal(parseSecurityCategory('строгий'), null);
});

test('citizenship: ISO codes and country names, never ethnicity', () => {
  assert.equal(parseCountry('tj'), 'TJ');
  assert.equal(parseCountry('Таджикистан'), 'TJ');
  assert.equal(parseCountry('Тоҷикистон'), 'TJ');
  assert.equal(parseCountry('Ӯзбекистон'), 'UZ');
  assert.equal(parseCountry('таджик'), null);
});

test('terms of imprisonment in the ways registers write them', () => {
  assert.deepEqual(parseTerm('5 лет 6 мес. 10 дн.'), { years: 5, months: 6, days: 10 });
  assert.deepEqual(parseTerm('5 years 6 months'), { years: 5, months: 6, days: 0 });
  assert.deepEqual(parseTerm('5 сол 6 моҳ'), { years: 5, months: 6, days: 0 });
  assert.deepEqual(parseTerm('5y6m'), { years: 5, months: 6, days: 0 });
  assert.deepEqual(parseTerm('18 мес'), { years: 1, months: 6, days: 0 });
  assert.deepEqual(parseTerm('7'), { years: 7, months: 0, days: 0 });
  assert.equal(parseTerm('пожизненно'), null);
  assert.equal(parseTerm('5 лет и ещё'), null);
});

test('yes/no columns; blanks and dashes', () => {
  assert.equal(parseYesNo('да'), true);
  assert.equal(parseYesNo('ҳа'), true);
  assert.equal(parseYesNo('Yes'), true);
  assert.equal(parseYesNo(''), false);
  assert.equal(parseYesNo('нет'), false);
  assert.equal(parseYesNo('может быть'), null);
  assert.ok(isBlank('-'));
  assert.ok(isBlank(' — '));
  assert.ok(isBlank(null));
  assert.ok(!isBlank('А-1'));
});

test('formula-like cells: = + - @ tab CR, after leading spaces, fullwidth too; dashes alone are not', () => {
  for (const s of ['=HYPERLINK("http://evil.example","click")', '=1+1', '+7 992', '-2+3', '@SUM(A1)', '\tx', '\r=1', '  =cmd|" /C calc"!A0', '＝1+1']) {
    assert.ok(isFormulaLike(s), JSON.stringify(s));
  }
  for (const s of ['Раҳимов', '12.04.1990', 'A-1-01', '-', '—', ' - ', 'a=b', '']) assert.ok(!isFormulaLike(s), JSON.stringify(s));
});

test('names compare without case, ё/е and spacing', () => {
  assert.ok(sameName('Алёшин ', 'алешин'));
  assert.ok(!sameName('Алешин', 'Алешина'));
});
