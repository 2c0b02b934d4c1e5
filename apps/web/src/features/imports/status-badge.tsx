import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '@vigil/contracts';

// Dark shades: the badge text must stay readable (WCAG AA contrast) on the filled colour.
const COLOURS: Record<ImportStatus, string> = { uploaded: 'gray.7', validated: 'blue.9', committing: 'grape.9', committed: 'teal.9', failed: 'red.9' };
const ROW_COLOURS = { ok: 'teal.9', invalid: 'red.9', 'already-imported': 'gray.7' } as const;

export function StatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} data-testid="import-status">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}

export function RowStatusBadge({ status }: { status: keyof typeof ROW_COLOURS }) {
  const { t } = useTranslation();
  return <Badge color={ROW_COLOURS[status]}>{t(`imports.rowStatus.${status}`)}</Badge>;
}
