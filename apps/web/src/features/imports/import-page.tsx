import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Import, ImportMapping } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { importKeys, importsApi } from './imports-api.ts';
import { MappingEditor, sameMapping } from './mapping-editor.tsx';
import { ImportReportView, SampleRows } from './import-report.tsx';
import { StatusBadge } from './status-badge.tsx';
import { useCommitProgress } from './use-commit-progress.ts';

type CommitProgress = ReturnType<typeof useCommitProgress>;

export function ImportPage() {
  const { importId } = useParams({ from: '/imports/$importId' });
  const imp = useQuery({ queryKey: importKeys.one(importId), queryFn: () => importsApi.get(importId) });
  const progress = useCommitProgress(importId);
  // Opened while a commit runs (another tab, a reload): follow it, once.
  const followedOnOpen = useRef(false);
  const committing = imp.data?.status === 'committing';
  useEffect(() => {
    if (!committing || followedOnOpen.current || progress.following()) return;
    followedOnOpen.current = true;
    void progress.follow();
  }, [committing, progress]);

  return (
    <div data-testid="import-page">
      <QueryState isPending={imp.isPending} error={imp.error} />
      {/* A new version from the server (a dry run, another tab) starts the mapping afresh from it. */}
      {imp.data && <ImportView key={imp.data.version} imp={imp.data} progress={progress} />}
    </div>
  );
}

function ImportView({ imp, progress }: { imp: Import; progress: CommitProgress }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<ImportMapping>(imp.mapping);
  // A reply never replaces a newer version (the commit's stream may have finished first).
  const store = (next: Import) => {
    queryClient.setQueryData<Import>(importKeys.one(next.id), (old) => (old && old.version > next.version ? old : next));
    void queryClient.invalidateQueries({ queryKey: importKeys.list(null) });
  };

  const dryRun = useMutation({ mutationFn: () => importsApi.dryRun(imp.id, mapping, imp.version), onSuccess: store });
  const commit = useMutation({
    // The stream first, so that it is listening before the commit takes the database.
    mutationFn: async () => {
      await progress.follow();
      return importsApi.commit(imp.id, imp.version);
    },
    onSuccess: store,
    // A refusal (rows invalid now, someone else's change) is shown; the import is read again.
    onError: () => {
      progress.stop();
      void queryClient.invalidateQueries({ queryKey: importKeys.one(imp.id) });
    },
  });

  const open = imp.status === 'uploaded' || imp.status === 'validated' || imp.status === 'failed';
  const mappingChanged = !sameMapping(mapping, imp.mapping);
  const report = imp.report;
  const canCommit = open && !mappingChanged && report !== null && report.invalid === 0 && !commit.isPending;

  return (
    <Stack gap="lg">
      <PageHeader title={t('imports.detailTitle', { filename: imp.filename })}>
        <AnchorLink to="/imports">{t('imports.back')}</AnchorLink>
      </PageHeader>
      <Group gap="sm">
        <StatusBadge status={imp.status} />
        <Text size="sm">{t('imports.summary', { format: imp.format.toUpperCase(), rows: imp.rowCount, facility: imp.facilityCode })}</Text>
      </Group>
      {imp.sameFileImportId && (
        <Alert color="blue.9" variant="outline" data-testid="same-file">
          {t('imports.sameFile')}
        </Alert>
      )}

      {imp.status === 'committing' && (
        <Paper withBorder p="md" data-testid="import-progress">
          <Text size="sm" mb="xs">
            {t('imports.committing', { processed: imp.progress?.processed ?? 0, total: imp.progress?.total ?? imp.rowCount })}
          </Text>
          <Progress
            value={imp.progress && imp.progress.total > 0 ? (100 * imp.progress.processed) / imp.progress.total : 0}
            size="lg"
            animated
            aria-label={t('imports.progressLabel')}
          />
        </Paper>
      )}
      {imp.status === 'committed' && (
        <Alert color="teal.9" variant="outline" title={t('imports.status.committed')} data-testid="import-done">
          {t('imports.committed', { created: imp.createdCount, skipped: report?.alreadyImported ?? 0 })}
        </Alert>
      )}
      {imp.status === 'failed' && (
        <Alert color="red.9" variant="outline" title={t('imports.status.failed')} data-testid="import-failed">
          {t(imp.failure === 'import-invalid' ? 'imports.failedInvalid' : imp.failure === 'interrupted' ? 'imports.failedInterrupted' : 'imports.failedOther')}
        </Alert>
      )}

      {report && <ImportReportView report={report} />}
      {open && !report && (
        <Alert color="blue.9" variant="outline" data-testid="import-no-report">
          {t('imports.noReport')}
        </Alert>
      )}

      {open && report && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text size="sm">{report.invalid > 0 ? t('imports.fixFirst', { count: report.invalid }) : t('imports.commitHint')}</Text>
            {mappingChanged && <Text size="sm">{t('imports.mappingChanged')}</Text>}
            <Group>
              <Button color="teal.9" onClick={() => commit.mutate()} disabled={!canCommit} loading={commit.isPending} data-testid="import-commit">
                {t('imports.commit', { count: report.ok })}
              </Button>
            </Group>
            <ProblemAlert error={commit.error} onReload={() => void queryClient.invalidateQueries({ queryKey: importKeys.one(imp.id) })} />
          </Stack>
        </Paper>
      )}

      {open && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('imports.mappingTitle')}
            </Title>
            <Text size="sm">{t('imports.mappingHint')}</Text>
            <MappingEditor headers={imp.headers} mapping={mapping} onChange={setMapping} />
            <Group>
              <Button variant={mappingChanged || !report ? 'filled' : 'default'} onClick={() => dryRun.mutate()} loading={dryRun.isPending} data-testid="import-dry-run">
                {t('imports.checkRows')}
              </Button>
              {mappingChanged && <Text size="sm">{t('imports.mappingChanged')}</Text>}
            </Group>
            <ProblemAlert error={dryRun.error} onReload={() => void queryClient.invalidateQueries({ queryKey: importKeys.one(imp.id) })} />
          </Stack>
        </Paper>
      )}

      {imp.sample.length > 0 && <SampleRows headers={imp.headers} rows={imp.sample} />}
    </Stack>
  );
}
