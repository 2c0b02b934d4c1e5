import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrisonerState } from '@vigil/contracts';

const COLOURS: Record<PrisonerState, string> = { 'in-custody': 'teal.9', 'temporarily-absent': 'grape.9', 'in-transit': 'blue.9', released: 'gray.7' };

export function StateBadge({ state }: { state: PrisonerState }) {
  const { t } = useTranslation();
  return (
    // At its full width: a narrow table column would otherwise cut the state to "ДАР …".
    <Badge color={COLOURS[state]} miw="max-content" data-testid="state-badge">
      {t(`prisoners.state.${state}`)}
    </Badge>
  );
}
