import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '@vigil/contracts';

/** An enrolment's status, coloured: enrolled, waiting, completed, withdrawn. */
export function StatusBadge({ status }: { status: Enrolment['status'] }) {
  const { t } = useTranslation();
  const color = { enrolled: 'green', waiting: 'yellow', completed: 'blue', withdrawn: 'gray' }[status];
  return (
    <Badge color={color} variant="light">
      {t(`programmes.status.${status}`)}
    </Badge>
  );
}
