import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '@vigil/contracts';

/** An enrolment's status, coloured: enrolled, waiting, completed, withdrawn. */
export function StatusBadge({ status }: { status: Enrolment['status'] }) {
  const { t } = useTranslation();
  // Dark shades, so the white label keeps its contrast (WCAG AA).
  const color = { enrolled: 'teal.9', waiting: 'orange.9', completed: 'blue.9', withdrawn: 'gray.7' }[status];
  return (
    <Badge color={color} miw="max-content">
      {t(`programmes.status.${status}`)}
    </Badge>
  );
}
