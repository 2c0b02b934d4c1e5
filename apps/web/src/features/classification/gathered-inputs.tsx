import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrisonerClassification } from '@vigil/contracts';
import { inLanguage } from './classification-text.ts';

/** What Vigil gathered itself for a decision: sentence length, approved judgements, alerts in force. */
export function Gathered({ classification: c }: { classification: Pick<PrisonerClassification, 'gathered'> }) {
  const { t, i18n } = useTranslation();
  const g = c.gathered;
  return (
    <Stack gap={4} data-testid="category-gathered">
      <Text size="sm" fw={600}>
        {t('classification.gathered.title')}
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>{g.sentenceMonths > 0 ? t('classification.gathered.sentence', { months: g.sentenceMonths }) : t('classification.gathered.noSentence')}</List.Item>
        <List.Item>
          {g.judgements.length > 0
            ? g.judgements.map((j) => t('classification.reason.judgement', { instrument: inLanguage(j.instrumentNames, i18n.language), value: inLanguage(j.judgementNames, i18n.language) })).join('; ')
            : t('classification.gathered.noAssessment')}
        </List.Item>
        <List.Item>{g.alerts.length > 0 ? t('classification.gathered.alerts', { alerts: g.alerts.map((a) => inLanguage(a.names, i18n.language)).join(', ') }) : t('classification.gathered.noAlerts')}</List.Item>
      </List>
    </Stack>
  );
}
