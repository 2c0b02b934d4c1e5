import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '@vigil/contracts';

/** Whose the content is, at a glance: written by the Vigil project and free, or loaded under a licence someone holds. */
export function LicenceBadge({ licence }: { licence: InstrumentDefinition['licence'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={licence.kind === 'open' ? 'teal.9' : 'grape.9'}
      styles={{ root: { textTransform: 'none', maxWidth: '100%' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}
      data-testid="instrument-licence"
      data-kind={licence.kind}
    >
      {licenceText(licence, t)}
    </Badge>
  );
}

export const licenceText = (licence: InstrumentDefinition['licence'], t: (key: string, options?: Record<string, string>) => string) =>
  licence.kind === 'open' ? t('instruments.licence.open') : t('instruments.licence.licensed', { holder: licence.holder });
