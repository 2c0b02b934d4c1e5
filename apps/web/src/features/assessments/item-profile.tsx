import { Box, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_LEVEL, type InstrumentDefinition } from '@vigil/contracts';
import { themeColor, SERIES_COLORS } from '../../ui/charts/chart-scale.ts';
import { inLanguage } from './instrument-text.ts';

type Item = InstrumentDefinition['items'][number];

/**
 * How many items of each domain carry each rating (DOMAIN.md §5.5: counts shown only as an aid).
 * It sits beside the judgement and never suggests one: the judgement is the assessor's.
 *
 * A table with a small bar in each cell rather than the kit's BarChart: domain names run long
 * (a Tajik domain name is twice the chart's label column), and here they wrap in their own cell at
 * any width while the counts stay readable, for screen readers too.
 */
export function ItemProfile({ def, items, ratings }: { def: InstrumentDefinition; items: Item[]; ratings: Record<string, { level: string }> }) {
  const { t, i18n } = useTranslation();
  const domains = def.domains.filter((d) => items.some((i) => i.domain === d.code));
  // The levels in scale order, as the instrument's items list them (usually one shared scale).
  const levels = new Map<string, string>();
  for (const item of items) for (const l of item.scale.levels) if (!levels.has(l.code)) levels.set(l.code, inLanguage(l.names, i18n.language));
  if (items.some((i) => i.scale.allowsUnknown)) levels.set(UNKNOWN_LEVEL, t('assessments.page.unknown'));
  const count = (domain: string, level: string) => items.filter((i) => i.domain === domain && ratings[i.code]?.level === level).length;
  const most = Math.max(1, ...domains.map((d) => items.filter((i) => i.domain === d.code).length));

  return (
    <Box component="figure" m={0} aria-labelledby="item-profile-title" data-testid="item-profile">
      <Title order={3} size="h5" id="item-profile-title" mb="xs" component="figcaption">
        {t('assessments.page.profile')}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Text size="xs" fw={600}>
                {t('assessments.page.domain')}
              </Text>
            </Table.Th>
            {[...levels].map(([code, label]) => (
              <Table.Th key={code}>
                <Text size="xs" fw={600}>
                  {label}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {domains.map((d) => (
            <Table.Tr key={d.code} data-domain={d.code}>
              <Table.Th scope="row" fw={400}>
                <Text size="xs">{inLanguage(d.names, i18n.language)}</Text>
              </Table.Th>
              {[...levels.keys()].map((level, i) => {
                const n = count(d.code, level);
                return (
                  <Table.Td key={level} data-level={level}>
                    <Group gap={4} wrap="nowrap">
                      <Box aria-hidden="true" h={10} w={`${(48 * n) / most}px`} miw={n ? 4 : 0} bg={themeColor(SERIES_COLORS[i % SERIES_COLORS.length]!)} style={{ borderRadius: 2 }} />
                      <Text size="xs">{n}</Text>
                    </Group>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t('assessments.page.profileHelp')}
      </Text>
    </Box>
  );
}
