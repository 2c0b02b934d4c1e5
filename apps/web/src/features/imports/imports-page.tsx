import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { importKeys, importsApi, MAX_UPLOAD_BYTES, type ImportListItem } from './imports-api.ts';
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
  const columns: DataColumn<ImportListItem>[] = [
    {
      key: 'file',
      header: 'imports.columns.file',
      rowHeader: true,
      sortValue: (imp) => imp.filename,
      cell: (imp) => (
        <AnchorLink to="/imports/$importId" params={{ importId: imp.id }}>
          {imp.filename}
        </AnchorLink>
      ),
    },
    { key: 'facility', header: 'imports.columns.facility', sortValue: (imp) => imp.facilityCode, cell: (imp) => imp.facilityCode },
    { key: 'rows', header: 'imports.columns.rows', numeric: true, sortValue: (imp) => imp.rowCount, cell: (imp) => imp.rowCount },
    {
      key: 'status',
      header: 'imports.columns.status',
      sortValue: (imp) => t(`imports.status.${imp.status}`),
      cell: (imp) => (
        <>
          <StatusBadge status={imp.status} />
          {imp.status === 'committed' && (
            <Badge variant="outline" color="gray.8" ml="xs">
              {t('imports.createdCount', { count: imp.createdCount })}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'uploaded', header: 'imports.columns.uploaded', sortValue: (imp) => imp.createdAt, cell: (imp) => `${formatTimestamp(imp.createdAt, i18n.language)} · ${imp.createdBy}` },
  ];

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
          <DataTable
            columns={columns}
            rows={list.data?.items}
            rowKey={(imp) => imp.id}
            query={list}
            label={t('imports.recent')}
            empty={t('imports.none')}
            minWidth={640}
            testId="imports-table"
            rowTestId="import-row"
            pagination={{ mode: 'client', pageSize: 25 }}
          />
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
