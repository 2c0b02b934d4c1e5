import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '@vigil/contracts';

const STATUS_COLOR: Record<IncidentStatus, string> = { reported: 'red.9', contained: 'grape.9', resolved: 'blue.9', closed: 'gray.7' };
const noCaps = { root: { textTransform: 'none' as const } };

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} styles={noCaps} data-testid="incident-status" data-status={status}>
      {t(`incidents.status.${status}`)}
    </Badge>
  );
}

export function SeriousBadge({ serious }: { serious: boolean }) {
  const { t } = useTranslation();
  return serious ? (
    <Badge color="red.9" variant="filled" styles={noCaps} data-testid="incident-serious">
      {t('incidents.serious')}
    </Badge>
  ) : null;
}

export function OverdueBadge({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" styles={noCaps} data-testid="overdue">
      {label ?? t('incidents.overdue')}
    </Badge>
  );
}
