import { Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../api/types.ts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { usersApi } from './users-api.ts';

/** What each role may do, as the server defines it (GET /api/v1/roles). */
export function RolesReference() {
  const { t } = useTranslation();
  const roles = useQuery({ queryKey: ['roles'], queryFn: usersApi.roles, staleTime: Infinity });
  const columns: DataColumn<RoleInfo>[] = [
    { key: 'role', header: 'users.fields.role', rowHeader: true, sortValue: (r) => t(`roles.${r.role}`), cell: (r) => t(`roles.${r.role}`) },
    {
      key: 'permissions',
      header: 'users.permissions',
      exportValue: (r) => r.permissions.map((p) => t(`permissions.${p}`)).join(', '),
      cell: (r) => (
        <Group gap={4}>
          {r.permissions.map((p) => (
            <Badge key={p} variant="outline" color="gray" styles={{ root: { color: 'var(--mantine-color-text)' } }} title={p}>
              {t(`permissions.${p}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'mfa', header: 'users.mfaRequired', sortValue: (r) => (r.mfaRequired ? t('common.yes') : t('common.no')), cell: (r) => (r.mfaRequired ? t('common.yes') : t('common.no')) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={roles.data?.items}
      rowKey={(r) => r.role}
      query={roles}
      label={t('users.tabRoles')}
      exportName="roles"
      minWidth={600}
      striped={false}
      testId="roles-table"
    />
  );
}
