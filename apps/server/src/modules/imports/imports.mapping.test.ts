import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveMapping, suggestMapping } from './imports.mapping.ts';

test('Russian register headers map to the file fields', () => {
  const headers = ['№ личного дела', 'Фамилия', 'Имя', 'Отчество', 'Фамилия (лат.)', 'Имя латиницей', 'Дата рождения', 'Пол', 'Гражданство', 'Национальность', 'Статус', 'Статья', 'Начало срока', 'Срок', 'Дата поступления', 'Камера', 'Категория'];
  assert.deepEqual(suggestMapping(headers), {
    prisonNumber: '№ личного дела',
    familyName: 'Фамилия',
    givenName: 'Имя',
    patronymic: 'Отчество',
    familyNameLatin: 'Фамилия (лат.)',
    givenNameLatin: 'Имя латиницей',
    dateOfBirth: 'Дата рождения',
    sex: 'Пол',
    nationality: 'Гражданство',
    legalStatus: 'Статус',
    article: 'Статья',
    sentenceStart: 'Начало срока',
    sentenceTerm: 'Срок',
    admittedOn: 'Дата поступления',
    cell: 'Камера',
    securityCategory: 'Категория',
  });
});

test('Tajik and English headers; a full-name column ("ФИО")', () => {
  assert.deepEqual(suggestMapping(['Рақам', 'Насаб', 'Ном', 'Номи падар', 'Санаи таваллуд', 'Ҷинс', 'Шаҳрвандӣ']), {
    prisonNumber: 'Рақам',
    familyName: 'Насаб',
    givenName: 'Ном',
    patronymic: 'Номи падар',
    dateOfBirth: 'Санаи таваллуд',
    sex: 'Ҷинс',
    nationality: 'Шаҳрвандӣ',
  });
  assert.deepEqual(suggestMapping(['Prison number', 'Family name', 'Given name', 'Date of birth', 'Sex', 'Legal status', 'Passport number', 'Cell']), {
    prisonNumber: 'Prison number',
    familyName: 'Family name',
    givenName: 'Given name',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    legalStatus: 'Legal status',
    passportNumber: 'Passport number',
    cell: 'Cell',
  });
  assert.deepEqual(suggestMapping(['Номер', 'Ф.И.О.', 'Дата рождения (дд.мм.гггг)']), { prisonNumber: 'Номер', fullName: 'Ф.И.О.', dateOfBirth: 'Дата рождения (дд.мм.гггг)' });
});

test('a header serves one field, and the better match wins', () => {
  // "Номер паспорта" names the passport, not the prison number, even though it contains "номер".
  assert.deepEqual(suggestMapping(['Номер паспорта', 'Номер']), { passportNumber: 'Номер паспорта', prisonNumber: 'Номер' });
  assert.deepEqual(suggestMapping(['Что-то', 'Ещё']), {});
});

test('resolving a mapping: required fields, unknown headers, a column used twice', () => {
  const headers = ['Номер', 'Фамилия', 'Имя', 'Дата рождения', 'Пол', 'Статус', 'ФИО'];
  const full = { prisonNumber: 'Номер', familyName: 'Фамилия', givenName: 'Имя', dateOfBirth: 'Дата рождения', sex: 'Пол', legalStatus: 'Статус' };
  assert.deepEqual(resolveMapping(headers, full), { columns: { prisonNumber: 0, familyName: 1, givenName: 2, dateOfBirth: 3, sex: 4, legalStatus: 5 } });
  assert.deepEqual(resolveMapping(headers, { ...full, familyName: null }), { problems: ['mapping.familyName: required'] });
  assert.deepEqual(resolveMapping(headers, { ...full, familyName: null, givenName: undefined, fullName: 'ФИО' }), {
    columns: { prisonNumber: 0, fullName: 6, dateOfBirth: 3, sex: 4, legalStatus: 5 },
  });
  assert.deepEqual(resolveMapping(headers, { ...full, cell: 'Камера' }), { problems: ['mapping.cell: no column "Камера"'] });
  assert.deepEqual(resolveMapping(headers, { ...full, patronymic: 'Имя' }), { problems: ['mapping.patronymic: column "Имя" is already used for givenName'] });
});
