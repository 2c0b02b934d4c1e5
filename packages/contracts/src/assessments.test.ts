import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { InstrumentDefinition } from './assessments.ts';

const names = { en: 'Name', ru: 'Название', tg: 'Ном' };
const level = (code: string) => ({ code, names });

/** A small valid definition: two domains, an item in each, a three-step scale. */
function sample() {
  const scale = { levels: ['low', 'mid', 'high'].map(level), allowsUnknown: true };
  const item = (code: string, domain: string) => ({ code, domain, names, guidance: names, scale, protective: false, womenOnly: false });
  return {
    code: 'sample',
    names,
    licence: { kind: 'licensed', holder: 'Ministry of Justice', notice: names },
    domains: [{ code: 'a', names }, { code: 'b', names }],
    items: [item('A1', 'a'), item('B1', 'b')],
    judgementLevels: ['low', 'high'].map(level),
    reviewIntervalMonths: 6,
  };
}

/** The paths (joined with dots) and messages of every fault, or [] when the definition is accepted. */
function faults(d: unknown) {
  const r = InstrumentDefinition.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('instrument definition: checks across the definition', () => {
  test('a well-formed definition is accepted', () => assert.deepEqual(faults(sample()), []));

  test('an item in a domain that does not exist is refused at that item', () => {
    const d = sample();
    d.items[1]!.domain = 'c';
    assert.deepEqual(faults(d), ['items.1.domain: instrument-domain-unknown', 'domains.1.code: instrument-domain-empty']);
  });

  test('codes used twice are refused at the second use', () => {
    const d = sample();
    d.items[1]!.code = 'A1';
    d.judgementLevels[1]!.code = 'low';
    assert.deepEqual(faults(d), ['items.1.code: instrument-code-duplicate', 'judgementLevels.1.code: instrument-code-duplicate']);
  });

  test('no items, a one-step scale, an unknown field: each refused at its path', () => {
    assert.ok(faults({ ...sample(), items: [] }).some((f) => f.startsWith('items: ')));
    const d = sample();
    d.items[0]!.scale = { levels: [level('only')], allowsUnknown: false };
    assert.ok(faults(d).some((f) => f.startsWith('items.0.scale.levels: ')));
    assert.ok(faults({ ...sample(), score: 'sum' }).length > 0, 'an unknown field is not silently dropped');
  });
});

const code = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const codes = (min: number, max: number) => fc.uniqueArray(code, { minLength: min, maxLength: max });

/** Any valid definition: every domain has an item, every code unique in its list. */
const validDefinition = fc
  .record({ domains: codes(1, 4), items: codes(4, 8), levels: codes(2, 4), judgement: codes(2, 4), extra: fc.array(fc.nat(), { maxLength: 8 }) })
  .map(({ domains, items, levels, judgement, extra }) => ({
    ...sample(),
    domains: domains.map((c) => ({ code: c, names })),
    // The first items cover every domain in turn; the rest go where `extra` puts them.
    items: items.map((c, i) => ({
      ...sample().items[0]!,
      code: c.toUpperCase(),
      domain: domains[i < domains.length ? i : (extra[i] ?? i) % domains.length]!,
      scale: { levels: levels.map(level), allowsUnknown: i % 2 === 0 },
      protective: i % 3 === 0,
      womenOnly: i % 4 === 0,
    })),
    judgementLevels: judgement.map(level),
  }));

type Definition = ReturnType<typeof sample>;
/** Ways to break one reference or uniqueness rule, each with where the fault must be reported. */
const breakages: { name: string; apply: (d: Definition, n: number) => string }[] = [
  { name: 'item names a missing domain', apply: (d, n) => ((d.items[n % d.items.length]!.domain = 'zz-missing'), `items.${n % d.items.length}.domain`) },
  { name: 'domain code repeated', apply: (d) => (d.domains.push({ ...d.domains[0]! }), `domains.${d.domains.length - 1}.code`) },
  { name: 'item code repeated', apply: (d, n) => (d.items.push({ ...d.items[n % d.items.length]! }), `items.${d.items.length - 1}.code`) },
  {
    name: 'scale level repeated',
    apply: (d, n) => {
      const i = n % d.items.length;
      const levels = d.items[i]!.scale.levels;
      d.items[i] = { ...d.items[i]!, scale: { ...d.items[i]!.scale, levels: [...levels, levels[0]!] } };
      return `items.${i}.scale.levels.${levels.length}.code`;
    },
  },
  { name: 'judgement level repeated', apply: (d) => (d.judgementLevels.push(d.judgementLevels[0]!), `judgementLevels.${d.judgementLevels.length - 1}.code`) },
  { name: 'domain with no items', apply: (d) => (d.domains.push({ code: 'zz-empty', names }), `domains.${d.domains.length - 1}.code`) },
  { name: 'no items at all', apply: (d) => ((d.items = []), 'items') },
  {
    name: 'scale of one level',
    apply: (d, n) => {
      const i = n % d.items.length;
      d.items[i] = { ...d.items[i]!, scale: { ...d.items[i]!.scale, levels: d.items[i]!.scale.levels.slice(0, 1) } };
      return `items.${i}.scale.levels`;
    },
  },
];

describe('instrument definition: properties', () => {
  test('a generated valid definition is accepted', () => {
    fc.assert(fc.property(validDefinition, (d) => assert.deepEqual(faults(d), [])), { numRuns: 200 });
  });

  test('breaking any one reference is refused, with the fault at the broken place', () => {
    fc.assert(
      fc.property(validDefinition, fc.integer({ min: 0, max: breakages.length - 1 }), fc.nat(), (d, which, n) => {
        const broken = structuredClone(d);
        const path = breakages[which]!.apply(broken, n);
        const found = faults(broken);
        assert.ok(found.some((f) => f.startsWith(`${path}: `)), `${breakages[which]!.name}: expected a fault at ${path}, got ${found.join('; ')}`);
      }),
      { numRuns: 300 },
    );
  });
});

test('the example import in docs/assessments.md is a valid definition', () => {
  const doc = readFileSync(new URL('../../../docs/assessments.md', import.meta.url), 'utf8');
  const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]!) as { definition: unknown };
  assert.deepEqual(faults(example.definition), []);
});
