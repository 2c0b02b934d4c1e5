import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceScale, themeColor, wrapLabel } from './chart-scale.ts';

test('the value axis ends at a round number at or above the largest value, in whole steps', () => {
  assert.deepEqual(niceScale(0), { top: 1, ticks: [0, 1] });
  assert.deepEqual(niceScale(3), { top: 3, ticks: [0, 1, 2, 3] });
  assert.deepEqual(niceScale(47), { top: 50, ticks: [0, 10, 20, 30, 40, 50] });
  assert.deepEqual(niceScale(1234).top, 1250);
  for (const max of [1, 7, 19, 99, 101, 5_000, 123_456]) {
    const { top, ticks } = niceScale(max);
    assert.ok(top >= max, `${top} ≥ ${max}`);
    assert.ok(ticks.every((t) => Number.isInteger(t)));
    assert.equal(ticks.at(-1), top);
  }
});

test('theme colours become the theme CSS variables', () => {
  assert.equal(themeColor('teal.7'), 'var(--mantine-color-teal-7)');
  assert.equal(themeColor('blue'), 'var(--mantine-color-blue-filled)');
});

test('a long label breaks at spaces into lines that fit, and is cut with an ellipsis past the last line', () => {
  assert.deepEqual(wrapLabel('Wood workshop'), ['Wood workshop']);
  assert.deepEqual(wrapLabel('Барномаи даст кашидан аз зӯроварӣ'), ['Барномаи даст кашидан аз', 'зӯроварӣ']);
  for (const line of wrapLabel('Барномаи даст кашидан аз зӯроварӣ ва тундгароӣ дар муассисаҳои ислоҳӣ', 24, 2)) assert.ok(line.length <= 24, line);
  assert.ok(wrapLabel('Барномаи даст кашидан аз зӯроварӣ ва тундгароӣ дар муассисаҳои ислоҳӣ', 24, 2)[1]!.endsWith('…'));
  assert.deepEqual(wrapLabel('Сверхдлиннаяназваниебезпробеловвообще', 10), ['Сверхдлин…']);
});
