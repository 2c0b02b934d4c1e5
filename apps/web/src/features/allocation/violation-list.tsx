import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllocationViolation, AllocationWarningCode } from '@vigil/contracts';

/** Each reason a cell is refused, in words, with whether an override could allow it. */
export function ViolationList({ violations, warnings = [] }: { violations: readonly AllocationViolation[]; warnings?: readonly AllocationWarningCode[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4} data-testid="violation-list">
      {violations.map((v) => (
        <List.Item key={`${v.code}-${v.overridable}`} data-testid={`violation-${v.code}`} data-overridable={v.overridable}>
          <Text size="sm" span fw={600}>
            {t(`allocation.violations.${v.code}`)}
          </Text>{' '}
          <Text size="sm" span>
            {v.overridable ? t('allocation.overridable') : t('allocation.neverOverridable')}
          </Text>
        </List.Item>
      ))}
      {warnings.map((w) => (
        <List.Item key={w} data-testid={`warning-${w}`}>
          <Text size="sm" span>
            {t(`allocation.warnings.${w}`)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
