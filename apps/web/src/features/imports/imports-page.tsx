import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { importKeys, importsApi, MAX_UPLOAD_BYTES } from './imports-api.ts';
import { StatusBadge } from './status-badge.tsx';

/** Importing an existing register: upload a file, then map, check and commit it on its own page. */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [facilityId, setFacilityId] = useState<string | null>(session.activeFacilityId ?? session.facilities[0]?.id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const tooLarge = file !== null && file.size > MAX_UPLOAD_BYTES;

  const upload = useMutation({
    mutationFn: () => importsApi.upload(facilityId!, file!),
    onSuccess: (imp) => {
      queryClient.setQueryData(importKeys.one(imp.id), imp);
      void queryClient.invalidateQueries({ queryKey: importKeys.list(null) });
      void navigate({ to: '/imports/$importId', params: { importId: imp.id } });
    },
  });
  const list = useQuery({ queryKey: importKeys.list(null), queryFn: () => importsApi.list(null) });

  return (
    <div data-testid="imports-page">
      <PageHeader title={t('imports.title')} />
      <Stack gap="xl">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text size="sm">{t('imports.intro')}</Text>
            <Text size="sm">{t('imports.formats')}</Text>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (facilityId && file && !tooLarge) upload.mutate();
              }}
            >
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t('imports.facility')}
                  data={session.facilities.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
                  value={facilityId}
                  onChange={setFacilityId}
                  allowDeselect={false}
                  required
                  w={{ base: '100%', sm: 280 }}
                  data-testid="import-facility"
                />
                <FileInput
                  label={t('imports.file')}
                  // Mantine's placeholder grey is below WCAG AA contrast: the hint goes beneath instead.
                  description={t('imports.filePlaceholder')}
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  value={file}
                  onChange={setFile}
                  required
                  clearable
                  error={tooLarge ? t('imports.tooLarge') : undefined}
                  w={{ base: '100%', sm: 320 }}
                  data-testid="import-file"
                />
                <Button type="submit" loading={upload.isPending} disabled={!facilityId || !file || tooLarge} data-testid="import-upload">
                  {t('imports.upload')}
                </Button>
              </Group>
            </form>
            <ProblemAlert error={upload.error} />
          </Stack>
        </Paper>

        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('imports.recent')}
          </Title>
          <QueryState isPending={list.isPending} error={list.error} />
          {list.data && list.data.items.length === 0 && <Text size="sm">{t('imports.none')}</Text>}
          {list.data && list.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="imports-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('imports.columns.file')}</Table.Th>
                    <Table.Th>{t('imports.columns.facility')}</Table.Th>
                    <Table.Th>{t('imports.columns.rows')}</Table.Th>
                    <Table.Th>{t('imports.columns.status')}</Table.Th>
                    <Table.Th>{t('imports.columns.uploaded')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((imp) => (
                    <Table.Tr key={imp.id}>
                      <Table.Td>
                        <AnchorLink to="/imports/$importId" params={{ importId: imp.id }}>
                          {imp.filename}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{imp.facilityCode}</Table.Td>
                      <Table.Td>{imp.rowCount}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={imp.status} />
                        {imp.status === 'committed' && (
                          <Badge variant="outline" color="gray.8" ml="xs">
                            {t('imports.createdCount', { count: imp.createdCount })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {formatTimestamp(imp.createdAt, i18n.language)} · {imp.createdBy}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
        {session.facilities.length === 0 && (
          <Alert color="blue.9" variant="outline">
            {t('imports.noFacilities')}
          </Alert>
        )}
      </Stack>
    </div>
  );
}
