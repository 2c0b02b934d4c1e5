import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, auditActionGroup } from '@vigil/contracts';

const serverSrc = new URL('../..', import.meta.url).pathname;
const catalogues = new URL('../../../../web/src/features/audit/messages/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !path.includes('/testing/') ? [path] : [];
  });
}

/**
 * Every action code the server can write: the 'group.verb' literals on lines that name an audit
 * action (`action: '...'`, a conditional `action: a ? '...' : '...'`) or pass one to the helpers
 * that append events for a module (`audited(trx, ctx, '...'`, `auditBothSides(trx, ctx, '...'`).
 */
function actionsWritten(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(serverSrc)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction: |\baudited\(|\bauditBothSides\(/.test(line) || /^\s*(\*|\/\/)/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z][a-z-]*\.[a-z][a-z-]*)'/g)) found.set(m[1]!, file.slice(serverSrc.length));
    }
  }
  return found;
}

test('the scan finds the actions written across the server', () => {
  const written = actionsWritten();
  for (const action of ['auth.mfa-verified', 'prisoner.viewed', 'user.created', 'prisoner.transfer-sent', 'auth.locked']) assert.ok(written.has(action), action);
});

test('every action code written anywhere in the server is listed in the contracts', () => {
  const listed = new Set<string>(AUDIT_ACTIONS);
  const unlisted = [...actionsWritten()].filter(([action]) => !listed.has(action)).map(([action, file]) => `${action} (${file})`);
  assert.deepEqual(unlisted, [], 'add these to AUDIT_ACTIONS in packages/contracts/src/audit.ts and name them in the catalogues');
});

test('every listed action, and its group, has a name in English, Russian and Tajik', () => {
  for (const language of ['en', 'ru', 'tg']) {
    const audit = (JSON.parse(readFileSync(join(catalogues, `${language}.json`), 'utf8')) as { audit: { actions: Record<string, Record<string, string>>; actionGroups: Record<string, string> } }).audit;
    const missing = AUDIT_ACTIONS.filter((action) => {
      const group = auditActionGroup(action);
      return !audit.actions[group]?.[action.slice(group.length + 1)] || !audit.actionGroups[group];
    });
    assert.deepEqual(missing, [], `${language}: actions without a name`);
  }
});
