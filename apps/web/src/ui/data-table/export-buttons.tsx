import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../notify.ts';
import { downloadCsv, downloadXlsx, type ExportTable } from './export.ts';

/** CSV and XLSX of what the table shows; the XLSX writer is fetched on the first click. */
export function ExportButtons({ table, name, testId }: { table: () => ExportTable; name: string; testId?: string }) {
  const { t } = useTranslation();
  const [writing, setWriting] = useState(false);
  const xlsx = () => {
    setWriting(true);
    downloadXlsx(table(), name)
      .catch((e: unknown) => notifyError(e, t))
      .finally(() => setWriting(false));
  };
  return (
    <Group gap="xs" justify="flex-end" mb="xs">
      <Button size="xs" variant="default" onClick={() => downloadCsv(table(), name)} data-testid={testId && `${testId}-export-csv`}>
        {t('dataTable.exportCsv')}
      </Button>
      <Button size="xs" variant="default" onClick={xlsx} loading={writing} data-testid={testId && `${testId}-export-xlsx`}>
        {t('dataTable.exportXlsx')}
      </Button>
    </Group>
  );
}
