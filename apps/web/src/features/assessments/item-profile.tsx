import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_LEVEL, type InstrumentDefinition } from '@vigil/contracts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { inLanguage } from './instrument-text.ts';

type Item = InstrumentDefinition['items'][number];

/**
 * How many items of each domain carry each rating (DOMAIN.md §5.5: counts shown only as an aid).
 * It sits beside the judgement and never suggests one: the judgement is the assessor's.
 */
export function ItemProfile({ def, items, ratings }: { def: InstrumentDefinition; items: Item[]; ratings: Record<string, { level: string }> }) {
  const { t, i18n } = useTranslation();
  const domains = def.domains.filter((d) => items.some((i) => i.domain === d.code));
  // The levels in scale order, as the instrument's items list them (usually one shared scale).
  const levels = new Map<string, string>();
  for (const item of items) for (const l of item.scale.levels) if (!levels.has(l.code)) levels.set(l.code, inLanguage(l.names, i18n.language));
  if (items.some((i) => i.scale.allowsUnknown)) levels.set(UNKNOWN_LEVEL, t('assessments.page.unknown'));
  const count = (domain: string, level: string) => items.filter((i) => i.domain === domain && ratings[i.code]?.level === level).length;
  return (
    <div data-testid="item-profile">
      <BarChart
        title={t('assessments.page.profile')}
        categories={domains.map((d) => inLanguage(d.names, i18n.language))}
        series={[...levels].map(([code, label]) => ({ key: code, label, values: domains.map((d) => count(d.code, code)) }))}
        formatValue={(v) => String(v)}
      />
      <Text size="xs" c="dimmed">
        {t('assessments.page.profileHelp')}
      </Text>
    </div>
  );
}
