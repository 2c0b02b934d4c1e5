import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDOVER_SECTIONS, type HandoverSection, type ReleasePlan } from '@vigil/contracts';
import { MARKERS, markedSources } from './handover.fixtures.ts';
import { allowedSections, buildPackage, canIssueFrom, releaseDateProblem, withheldSections } from './handover.rules.ts';

test('a package holds exactly the parts its profile allows, and no value of any other', () => {
  const sources = markedSources();
  for (const allowed of [['identity', 'accommodation', 'work', 'family'], ['identity', 'supervision', 'risk-summary'], ['identity', 'sentence', 'risk-summary'], [...HANDOVER_SECTIONS], ['work']] as HandoverSection[][]) {
    const pkg = buildPackage(allowedSections({ sections: allowed }), sources);
    assert.deepEqual(Object.keys(pkg).sort(), [...allowed].sort());
    const json = JSON.stringify(pkg);
    for (const section of HANDOVER_SECTIONS) {
      for (const marker of MARKERS[section]) assert.equal(json.includes(marker), allowed.includes(section), `${marker} with ${allowed.join(',')}`);
    }
    // Health notes and the file's own contacts are never a part of any package.
    assert.ok(!json.includes('HEALTH-NOTE') && !json.includes('FILE-CONTACT'));
  }
});

test('a part left out is never read from its source', () => {
  const sources = markedSources();
  const tripwire = new Proxy({}, { get: () => assert.fail('the plan was read for a profile that allows none of it') });
  const pkg = buildPackage(['identity', 'sentence'], { ...sources, plan: tripwire as ReleasePlan });
  assert.deepEqual(Object.keys(pkg), ['identity', 'sentence']);
});

test('the withheld parts are the complement of the allowed ones, in package order', () => {
  const profile = { sections: ['risk-summary', 'identity', 'identity'] as HandoverSection[] };
  assert.deepEqual(allowedSections(profile), ['identity', 'risk-summary']);
  assert.deepEqual([...allowedSections(profile), ...withheldSections(profile)].sort(), [...HANDOVER_SECTIONS].sort());
});

test('a planned release date may be today or later, never past', () => {
  assert.equal(releaseDateProblem('2026-12-02', '2026-12-03'), 'release-date-past');
  assert.equal(releaseDateProblem('2026-12-03', '2026-12-03'), null);
  assert.equal(releaseDateProblem('2027-01-01', '2026-12-03'), null);
});

test('a handover is issued from an agreed plan only', () => {
  assert.equal(canIssueFrom(null), false);
  assert.equal(canIssueFrom({ status: 'draft' }), false);
  assert.equal(canIssueFrom({ status: 'agreed' }), true);
});
