import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFormValue, formatDateText, isDateValue, readDateText } from './date-text.ts';

test('a day is typed day first with dots, and read as its ISO value', () => {
  assert.deepEqual(readDateText('15.01.2024'), { kind: 'date', value: '2024-01-15' });
  assert.deepEqual(readDateText('5.1.2024'), { kind: 'date', value: '2024-01-05' }, 'leading zeros may be left out');
  assert.deepEqual(readDateText('  15.01.2024 '), { kind: 'date', value: '2024-01-15' });
  assert.deepEqual(readDateText('2024-01-15'), { kind: 'date', value: '2024-01-15' }, 'ISO pasted from elsewhere is a date too');
});

test('nothing typed is empty, and the form holds an empty string', () => {
  assert.deepEqual(readDateText(''), { kind: 'empty' });
  assert.deepEqual(readDateText('   '), { kind: 'empty' });
  assert.equal(dateFormValue('  '), '');
});

test('text that is not a whole date is said to be in the wrong form, never turned into some date', () => {
  for (const text of ['15', '15.01', '15.01.24', '15.01.202', 'abc', '15/01/2024', '01/15/2024', '15-01-2024', '15.01.2024 10:00', '2024-1-15']) {
    assert.deepEqual(readDateText(text), { kind: 'wrong-form' }, text);
  }
});

test('a day that is not on the calendar is refused as such', () => {
  for (const text of ['31.04.2024', '29.02.2023', '00.01.2024', '15.13.2024', '32.01.2024', '2024-02-30']) {
    assert.deepEqual(readDateText(text), { kind: 'no-such-day' }, text);
  }
  assert.deepEqual(readDateText('29.02.2024'), { kind: 'date', value: '2024-02-29' }, 'a leap day');
  assert.deepEqual(readDateText('29.02.1900'), { kind: 'no-such-day' }, '1900 was not a leap year');
});

test('the form holds what was typed while it is not a date, so the contract refuses it rather than it being lost', () => {
  assert.equal(dateFormValue('15.01'), '15.01');
  assert.equal(dateFormValue(' 31.02.2024 '), '31.02.2024');
  assert.equal(isDateValue(dateFormValue('15.01')), false);
  assert.equal(dateFormValue('15.01.2024'), '2024-01-15');
});

test('with a time: the day, a space, then hours and minutes on the 24-hour clock', () => {
  assert.deepEqual(readDateText('15.01.2024 14:30', true), { kind: 'date', value: '2024-01-15T14:30' });
  assert.deepEqual(readDateText('15.01.2024  9:05', true), { kind: 'date', value: '2024-01-15T09:05' });
  assert.deepEqual(readDateText('2024-01-15T14:30', true), { kind: 'date', value: '2024-01-15T14:30' });
  assert.deepEqual(readDateText('15.01.2024', true), { kind: 'wrong-form' }, 'the time is needed');
  assert.deepEqual(readDateText('15.01.2024 14', true), { kind: 'wrong-form' });
  assert.deepEqual(readDateText('15.01.2024 2:30 PM', true), { kind: 'wrong-form' });
  assert.deepEqual(readDateText('15.01.2024 24:00', true), { kind: 'no-such-day' });
  assert.deepEqual(readDateText('15.01.2024 12:60', true), { kind: 'no-such-day' });
  assert.deepEqual(readDateText('31.04.2024 12:00', true), { kind: 'no-such-day' });
});

test('an ISO value is shown day first; anything else is shown as it is', () => {
  assert.equal(formatDateText('2024-01-15'), '15.01.2024');
  assert.equal(formatDateText('2024-01-15T09:05', true), '15.01.2024 09:05');
  assert.equal(formatDateText(''), '');
  assert.equal(formatDateText('15.0'), '15.0');
  assert.equal(formatDateText('2024-01-15T09:05'), '2024-01-15T09:05', 'a time where none is expected is not cut off');
});

test('what is shown reads back to the same value', () => {
  for (const value of ['1900-01-01', '2024-02-29', '2099-12-31']) assert.equal(dateFormValue(formatDateText(value)), value);
  assert.equal(dateFormValue(formatDateText('2024-02-29T23:59', true), true), '2024-02-29T23:59');
});

test('a whole ISO value is what the form can send', () => {
  assert.equal(isDateValue('2024-01-15'), true);
  assert.equal(isDateValue(''), false);
  assert.equal(isDateValue('15.01.2024'), false);
  assert.equal(isDateValue('2024-01-15T14:30', true), true);
  assert.equal(isDateValue('2024-01-15', true), false);
});
