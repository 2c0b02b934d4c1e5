import { test } from 'node:test';
import assert from 'node:assert/strict';
import React, { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { z } from 'zod';

// As in data-table.test.ts: stand-ins for what the i18n module reads when loaded, and React in scope.
Object.assign(globalThis, { React, localStorage: { getItem: () => null, setItem: () => {} } });
if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { language: 'en' }, configurable: true });
const { ContractForm } = await import('./contract-form.tsx');
const { FormDialog } = await import('./form-dialog.tsx');

const schema = z.object({ reason: z.string().min(1) });
const initial = { reason: '' };
// Mantine's test environment renders a modal in place, not in a portal (empty when rendered on the server).
const render = (node: ReactNode) => renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(MantineProvider, { env: 'test' }, node)));
const field = () => createElement('input', { 'data-testid': 'reason-field' });
const common = { initial, schema, submit: async () => null, onSaved: () => {}, testId: 'thing-form' };

test('aboveFields shows before the fields, given no error before any save', () => {
  const seen: unknown[] = [];
  const above = (error: unknown) => {
    seen.push(error);
    return createElement('div', { 'data-testid': 'reasons-at-top' });
  };
  const html = render(createElement(ContractForm<typeof initial, typeof schema, null>, { ...common, aboveFields: above, children: field }));
  assert.deepEqual(seen, [null]);
  assert.ok(html.indexOf('reasons-at-top') >= 0 && html.indexOf('reasons-at-top') < html.indexOf('reason-field'), 'above the fields');
  assert.ok(html.indexOf('reason-field') < html.indexOf('thing-save'), 'and the fields above the buttons');
});

test('without the new options a form renders as before: nothing above the fields, the save button in the theme colour', () => {
  const plain = render(createElement(ContractForm<typeof initial, typeof schema, null>, { ...common, children: field }));
  assert.match(plain, /<form[^>]*data-testid="thing-form"[^>]*><div[^>]*><input data-testid="reason-field"/);
  const red = render(createElement(ContractForm<typeof initial, typeof schema, null>, { ...common, submitColor: 'red.9', children: field }));
  const saveButton = (html: string) => /<button[^>]*data-testid="thing-save"[^>]*>/.exec(html)?.[0] ?? '';
  assert.notEqual(saveButton(red), saveButton(plain), 'submitColor changes the save button');
  assert.match(saveButton(red), /--button-bg:var\(--mantine-color-red-9\)/);
  assert.doesNotMatch(saveButton(plain), /red-9/);
});

test('a read-only dialog has no save or cancel but a Close button; one that can be sent has no Close', () => {
  const dialog = (readOnly: boolean) =>
    render(createElement(FormDialog<typeof initial, typeof schema, null>, { ...common, opened: true, onClose: () => {}, title: 'Thing', readOnly, children: field }));
  // Without an i18next instance the words are their catalogue keys.
  const buttons = (html: string) => [...html.matchAll(/mantine-Button-label">([^<]*)</g)].map((m) => m[1]);
  const readOnly = dialog(true);
  assert.match(readOnly, /data-testid="reason-field"/);
  assert.doesNotMatch(readOnly, /thing-save/);
  assert.deepEqual(buttons(readOnly), ['common.close']);
  assert.deepEqual(buttons(dialog(false)), ['common.cancel', 'common.save']);
});
