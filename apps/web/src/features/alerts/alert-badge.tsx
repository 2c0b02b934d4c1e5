import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertType } from '@vigil/contracts';
import { alertName } from './alerts-api.ts';

/** Dark shades keep white text readable (WCAG AA, 4.5:1): Mantine's green.9 and orange.9 fall just short, hence the two hex colours. */
const COLOURS: Record<string, string> = {
  'violent-extremist': 'red.9',
  'assaults-staff': 'red.9',
  'escape-risk': '#a04000',
  'self-harm': 'grape.9',
  'keep-apart': 'violet.9',
  'no-cell-share': 'pink.9',
  medical: 'teal.9',
  vulnerable: 'blue.9',
  'intelligence-interest': 'dark.7',
};

export function AlertBadge({ code, type, muted = false }: { code: string; type: AlertType | undefined; muted?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Badge color={muted ? 'gray.7' : (COLOURS[code] ?? 'indigo.9')} variant="filled" data-testid={`alert-badge-${code}`} styles={{ root: { textTransform: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}>
      {alertName(type, code, i18n.language)}
    </Badge>
  );
}
