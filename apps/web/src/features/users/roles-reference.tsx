import { Badge, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/query-state.tsx';
import { usersApi } from './users-api.ts';

/** What each role may do, as the server defines it (GET /api/v1/roles). */
export function RolesReference() {
  const { t } = useTranslation();
  const roles = useQuery({ queryKey: ['roles'], queryFn: usersApi.roles, staleTime: Infinity });
  return (
    <>
      <QueryState isPending={roles.isPending} error={roles.error} />
      {roles.data && (
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="roles-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.fields.role')}</Table.Th>
                <Table.Th>{t('users.permissions')}</Table.Th>
                <Table.Th>{t('users.mfaRequired')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data.items.map((r) => (
                <Table.Tr key={r.role}>
                  <Table.Td>{t(`roles.${r.role}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.permissions.map((p) => (
                        <Badge key={p} variant="outline" color="gray" styles={{ root: { color: 'var(--mantine-color-text)' } }} title={p}>
                          {t(`permissions.${p}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{r.mfaRequired ? t('common.yes') : t('common.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
