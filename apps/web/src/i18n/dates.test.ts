import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryName, describeZone, formatCalendarDay, formatInstant, utcOffset, wallTimeToIso, type Translate } from './dates.ts';

const here = new URL('.', import.meta.url).pathname;

/** A `t` over one catalogue, as i18next does it: dotted keys, {{name}} placeholders, key when missing. */
function translator(language: string): Translate {
  const catalogue = JSON.parse(readFileSync(join(here, `${language}.json`), 'utf8')) as Record<string, unknown>;
  return (key, values = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
    return typeof found === 'string' ? found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '') : key;
  };
}
const en = translator('en');
const ru = translator('ru');
const tg = translator('tg');

test('a calendar day in each language, from the catalogues, never in US English', () => {
  assert.equal(formatCalendarDay('2026-12-03', en), '3 Dec 2026');
  assert.equal(formatCalendarDay('2026-12-03', ru), '3 дек. 2026 г.');
  assert.equal(formatCalendarDay('2026-12-03', tg), '3 дек 2026');
  assert.equal(formatCalendarDay('1990-05-31', tg), '31 май 1990');
  assert.equal(formatCalendarDay('1990-05-31', ru), '31 мая 1990 г.');
});

test('a calendar day is a day: no time zone moves it', () => {
  assert.equal(formatCalendarDay('2026-01-01', en), '1 Jan 2026');
});

test('text that is not a day is shown as given', () => {
  assert.equal(formatCalendarDay('unknown', tg), 'unknown');
  assert.equal(formatCalendarDay('2026-13-01', tg), '2026-13-01');
  assert.equal(formatInstant('not a time', tg, 'UTC'), 'not a time');
});

test('an instant on the wall clock of the zone given, 24-hour, in each language', () => {
  const at = '2026-12-03T06:28:00Z';
  assert.equal(formatInstant(at, en, 'Asia/Dushanbe'), '3 Dec 2026, 11:28');
  assert.equal(formatInstant(at, ru, 'Asia/Dushanbe'), '3 дек. 2026 г., 11:28');
  assert.equal(formatInstant(at, tg, 'Asia/Dushanbe'), '3 дек 2026, 11:28');
  assert.equal(formatInstant(at, tg, 'UTC'), '3 дек 2026, 06:28');
  assert.equal(formatInstant('2026-12-03T06:28:09.5Z', tg, 'Asia/Dushanbe', 'second'), '3 дек 2026, 11:28:09');
  // Late evening UTC is already the next day in Dushanbe.
  assert.equal(formatInstant('2026-12-31T20:05:00Z', en, 'Asia/Dushanbe'), '1 Jan 2027, 01:05');
});

test('an unknown time zone falls back to UTC rather than failing the screen', () => {
  assert.equal(formatInstant('2026-12-03T06:28:00Z', en, 'Mars/Olympus'), '3 Dec 2026, 06:28');
});

test('the zone is named with its offset, which follows daylight saving', () => {
  assert.equal(utcOffset('Asia/Dushanbe'), '+05:00');
  assert.equal(utcOffset('UTC'), '+00:00');
  assert.equal(utcOffset('Europe/London', new Date('2026-07-01T12:00:00Z')), '+01:00');
  assert.equal(utcOffset('America/New_York', new Date('2026-01-01T12:00:00Z')), '-05:00');
  assert.equal(describeZone('Asia/Dushanbe', en), 'Times in Asia/Dushanbe (UTC+05:00)');
  assert.equal(describeZone('Asia/Dushanbe', tg), 'Вақт: Asia/Dushanbe (UTC+05:00)');
});

test('countries by name: catalogue first, Tajik falls back to Russian names, then the code', () => {
  assert.equal(countryName('TJ', 'en', en), 'Tajikistan');
  assert.equal(countryName('tj', 'ru', ru), 'Таджикистан');
  assert.equal(countryName('TJ', 'tg', tg), 'Тоҷикистон');
  assert.equal(countryName('FR', 'en', en), 'France');
  assert.equal(countryName('FR', 'tg', tg), 'Франция');
  assert.equal(countryName('X1', 'tg', tg), 'X1');
});

test('a wall-clock time from a form is read on the clock of the zone shown, not the browser\'s', () => {
  assert.equal(wallTimeToIso('2026-12-03T11:28', 'Asia/Dushanbe'), '2026-12-03T06:28:00.000Z');
  assert.equal(wallTimeToIso('2026-12-03T11:28', 'UTC'), '2026-12-03T11:28:00.000Z');
  assert.equal(wallTimeToIso('2026-07-01T12:00', 'Europe/London'), '2026-07-01T11:00:00.000Z');
  assert.equal(wallTimeToIso('2026-01-01T12:00', 'Europe/London'), '2026-01-01T12:00:00.000Z');
  assert.equal(wallTimeToIso('', 'UTC'), '');
});
