import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Switch, Table, Tabs, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../ui/app-modal.tsx';
import { ROLES } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { RolesReference } from './roles-reference.tsx';
import { UserDetails } from './user-details.tsx';
import { UserForm } from './user-form.tsx';
import { userKeys, usersApi, type UserFilters } from './users-api.ts';

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

  const list = useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam }) => usersApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

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
          <QueryState isPending={list.isPending} error={list.error} />
          {list.data && (
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover data-testid="users-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.fields.staffNumber')}</Table.Th>
                    <Table.Th>{t('users.fields.name')}</Table.Th>
                    <Table.Th>{t('users.fields.username')}</Table.Th>
                    <Table.Th>{t('users.fields.roles')}</Table.Th>
                    <Table.Th>{t('users.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>{u.staffNumber}</Table.Td>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => setOpenId(u.id)}>
                          {[u.familyName, u.givenName, u.patronymic].filter(Boolean).join(' ')}
                        </Anchor>
                        {u.familyNameLatin && <div>{[u.familyNameLatin, u.givenNameLatin].filter(Boolean).join(' ')}</div>}
                      </Table.Td>
                      <Table.Td>{u.username}</Table.Td>
                      <Table.Td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                      <Table.Td>
                        {u.active ? t('common.active') : <Badge color="gray.7">{t('common.inactive')}</Badge>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {list.hasNextPage && (
            <Button variant="default" mt="md" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.more')}
            </Button>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesReference />
        </Tabs.Panel>
      </Tabs>

      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('users.create')} size="lg">
        <UserForm onCancel={() => setCreating(false)} onDone={() => setCreating(false)} />
      </AppModal>
      <AppModal opened={openId !== null} onClose={() => setOpenId(null)} title={t('users.details')} size="lg">
        {openId && <UserDetails id={openId} onClose={() => setOpenId(null)} />}
      </AppModal>
    </div>
  );
}
