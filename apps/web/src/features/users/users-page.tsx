import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Switch, Tabs, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ROLES, type User } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { useCursorPages } from '../../ui/data-table/use-cursor-pages.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { RolesReference } from './roles-reference.tsx';
import { UserDetails } from './user-details.tsx';
import { UserDialog } from './user-form.tsx';
import { userKeys, usersApi, type UserFilters } from './users-api.ts';

const fullName = (u: User) => [u.familyName, u.givenName, u.patronymic].filter(Boolean).join(' ');
const latinName = (u: User) => [u.familyNameLatin, u.givenNameLatin].filter(Boolean).join(' ');

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters: UserFilters = { q: debouncedQ, role, includeInactive };

  const list = useCursorPages({ queryKey: userKeys.list(filters), fetchPage: (cursor) => usersApi.list(filters, cursor) });
  const columns: DataColumn<User>[] = [
    { key: 'staffNumber', header: 'users.fields.staffNumber', nowrap: true, exportValue: (u) => u.staffNumber, cell: (u) => u.staffNumber },
    {
      key: 'name',
      header: 'users.fields.name',
      rowHeader: true,
      exportValue: (u) => (latinName(u) ? `${fullName(u)} (${latinName(u)})` : fullName(u)),
      cell: (u) => (
        <>
          <Anchor component="button" type="button" ta="start" onClick={() => setOpenId(u.id)}>
            {fullName(u)}
          </Anchor>
          {u.familyNameLatin && <div>{latinName(u)}</div>}
        </>
      ),
    },
    { key: 'username', header: 'users.fields.username', exportValue: (u) => u.username, cell: (u) => u.username },
    { key: 'roles', header: 'users.fields.roles', exportValue: (u) => u.roles.map((r) => t(`roles.${r}`)).join(', '), cell: (u) => u.roles.map((r) => t(`roles.${r}`)).join(', ') },
    {
      key: 'status',
      header: 'users.fields.status',
      exportValue: (u) => (u.active ? t('common.active') : t('common.inactive')),
      cell: (u) => (u.active ? t('common.active') : <Badge color="gray.7">{t('common.inactive')}</Badge>),
    },
  ];

  return (
    <div data-testid="users-page">
      <PageHeader title={t('users.title')}>{can('users.manage') && <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}</PageHeader>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('users.tabUsers')}</Tabs.Tab>
          <Tabs.Tab value="roles">{t('users.tabRoles')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <Group mb="md" align="flex-end">
            <TextInput label={t('users.search')} placeholder={t('users.searchHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={100} type="search" />
            <Select label={t('users.fields.role')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={setRole} clearable placeholder={t('users.anyRole')} />
            <Switch label={t('common.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
          </Group>
          <DataTable
            columns={columns}
            rows={list.rows}
            rowKey={(u) => u.id}
            query={list.query}
            pagination={list.pagination}
            label={t('users.tabUsers')}
            empty={t('users.none')}
            exportName="users"
            minWidth={700}
            testId="users-table"
            rowTestId="user-row"
            rowData={(u) => ({ 'data-username': u.username })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesReference />
        </Tabs.Panel>
      </Tabs>

      <UserDialog opened={creating} onClose={() => setCreating(false)} />
      <AppModal opened={openId !== null} onClose={() => setOpenId(null)} title={t('users.details')} size="lg">
        {openId && <UserDetails id={openId} onClose={() => setOpenId(null)} />}
      </AppModal>
    </div>
  );
}
