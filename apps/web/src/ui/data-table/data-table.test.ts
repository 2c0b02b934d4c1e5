import { test } from 'node:test';
import assert from 'node:assert/strict';
import React, { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import type { DataColumn } from './columns.ts';

// The i18n module reads the browser's storage and language when loaded: give it stand-ins. Tests
// run from the root tsconfig, which compiles JSX to React.createElement (the web's own uses the
// automatic runtime), so React must be in scope too.
Object.assign(globalThis, { React, localStorage: { getItem: () => null, setItem: () => {} } });
// Node 21 and later have a navigator of their own (getter only).
if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { language: 'en' }, configurable: true });
const { DataTable } = await import('./data-table.tsx');

interface Event {
  seq: string;
  action: string;
  open: boolean;
}
const columns: DataColumn<Event>[] = [
  { key: 'seq', header: 'seq', cell: (e) => e.seq },
  { key: 'action', header: 'action', cell: (e) => e.action },
];
const rows: Event[] = [
  { seq: '1', action: 'created', open: false },
  { seq: '2', action: 'changed', open: true },
];
const render = (rowDetail?: (e: Event) => ReactNode) =>
  renderToStaticMarkup(
    createElement(MantineProvider, null, createElement(DataTable<Event>, { columns, rows, rowKey: (e) => e.seq, label: 'events', rowTestId: 'event-row', rowDetail })),
  );

test('an open row has its detail in a full-width row just below it; closed rows have none', () => {
  const html = render((e) => e.open && createElement('pre', null, `before/after of ${e.seq}`));
  assert.equal(html.match(/data-testid="event-row-detail"/g)?.length, 1);
  const detail = /<tr[^>]*data-testid="event-row-detail"[^>]*><td[^>]*colSpan="2"[^>]*><pre>before\/after of 2<\/pre>/i;
  assert.match(html, detail);
  // The detail follows its own row, not the other.
  assert.ok(html.indexOf('changed') < html.indexOf('before/after of 2'));
  assert.ok(html.indexOf('created') < html.indexOf('changed'));
});

test('without rowDetail the table is as before: one row per record', () => {
  const html = render();
  assert.equal(html.match(/data-testid="event-row"/g)?.length, 2);
  assert.doesNotMatch(html, /event-row-detail/);
});
