import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { looksTajik, transliterate } from './transliterate.ts';

// The published samples of ICAO Doc 9303 from the iuliia project (MIT), as stored in
// ../shared/realdata/transliteration/iuliia/icao_doc_9303.json.
const ICAO_SAMPLES: [string, string][] = [
  ['Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю', 'Iuliia, sieesh eshche etikh miagkikh frantsuzskikh bulok iz Ioshkar-Oly, da vypei altaiskogo chaiu'],
  ['Юлия Щеглова', 'Iuliia Shcheglova'],
  ['Гайа Васильева', 'Gaia Vasileva'],
  ['Андрей Видный', 'Andrei Vidnyi'],
  ['Артём Краевой', 'Artem Kraevoi'],
  ['Мадыр Чёткий', 'Madyr Chetkii'],
  ['Оксана Клеёнкина', 'Oksana Kleenkina'],
  ['Игорь Ильин', 'Igor Ilin'],
  ['Ян Разъездной', 'Ian Razieezdnoi'],
];

test('Russian names follow ICAO Doc 9303: every published sample', () => {
  for (const [cyrillic, latin] of ICAO_SAMPLES) assert.equal(transliterate(cyrillic, 'ru'), latin);
});

test('Russian patronymics and names in capitals', () => {
  assert.equal(transliterate('Иванов Сергей Петрович', 'ru'), 'Ivanov Sergei Petrovich');
  assert.equal(transliterate('ЩЕГЛОВА', 'ru'), 'SHCHEGLOVA');
  assert.equal(transliterate('ЖУК Ж.', 'ru'), 'ZHUK Zh.');
});

test('Tajik names: the six Tajik letters and the y-forms', () => {
  assert.equal(transliterate('Рахимов Фаррух Абдуллоевич', 'tg'), 'Rakhimov Farrukh Abdulloevich');
  assert.equal(transliterate('Қодиров', 'tg'), 'Qodirov');
  assert.equal(transliterate('Ғафуров', 'tg'), 'Ghafurov');
  assert.equal(transliterate('Ҳасанова Гулрӯ', 'tg'), 'Hasanova Gulru');
  assert.equal(transliterate('Ҷӯраев', 'tg'), 'Juraev');
  assert.equal(transliterate('Шарифӣ', 'tg'), 'Sharifi');
  assert.equal(transliterate('Юсуфов Ёрмуҳаммад', 'tg'), 'Yusufov Yormuhammad');
  assert.equal(transliterate('Маъруф', 'tg'), "Ma'ruf");
  assert.equal(transliterate('ҶӮРАЕВ', 'tg'), 'JURAEV');
});

test('Uzbek names in Cyrillic', () => {
  assert.equal(transliterate('Тошматов Ўткир', 'tg'), 'Toshmatov Utkir');
  assert.equal(transliterate('Каримова Нигора', 'tg'), 'Karimova Nigora');
});

test('Latin text, digits and punctuation pass through unchanged', () => {
  assert.equal(transliterate("O'Neil-Smith 42", 'ru'), "O'Neil-Smith 42");
  fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9 '.-]*$/), (s) => transliterate(s, 'tg') === s && transliterate(s, 'ru') === s));
});

test('any Russian or Tajik Cyrillic name comes out as plain ASCII', () => {
  const letters = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяғӣқӯҳҷ'];
  const name = fc.array(fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()), ' ', '-'), { maxLength: 40 }).map((a) => a.join(''));
  fc.assert(fc.property(name, fc.constantFrom('ru' as const, 'tg' as const), (s, scheme) => /^[\x20-\x7E]*$/.test(transliterate(s, scheme))));
});

test('looksTajik spots Tajik-only letters', () => {
  assert.ok(looksTajik('Қодиров'));
  assert.ok(!looksTajik('Иванов'));
});
