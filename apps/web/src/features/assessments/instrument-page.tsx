import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueHistory as History, InstrumentDefinition } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { inLanguage } from './instrument-text.ts';
import { LicenceBadge } from './licence-badge.tsx';

/** The version shown: the one in force today, or the first scheduled one of an instrument not yet in force. */
const shownVersion = (history: History) => history.items.find((v) => v.status === 'in-force') ?? history.items.find((v) => v.status === 'scheduled') ?? history.items.at(-1);

/**
 * One instrument as an assessor reads it: its licence notice, its domains with their items (the
 * guidance, the scale, and whether the item is protective or asked of women only), the judgement
 * levels the assessor chooses from, and every version it has had.
 */
export function InstrumentPage() {
  const { code } = useParams({ from: '/assessment-instruments/$code' });
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: assessmentKeys.history(code), queryFn: () => assessmentsApi.instrumentHistory(code) });
  const version = history.data && shownVersion(history.data);
  // The server checked every stored version against the contract when it was imported.
  const definition = version?.data as InstrumentDefinition | undefined;

  return (
    <div data-testid="instrument-page" data-code={code}>
      <AnchorLink to="/assessment-instruments" size="sm">
        {t('instruments.backToList')}
      </AnchorLink>
      <QueryState isPending={history.isPending} error={history.error} />
      {version && definition && history.data && (
        <Stack gap="lg" mt="xs">
          <PageHeader title={inLanguage(definition.names, i18n.language)} />
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group gap="sm">
                <LicenceBadge licence={definition.licence} />
                <CatalogueStatusBadge status={version.status} />
              </Group>
              <Text size="sm" data-testid="instrument-notice">
                {inLanguage(definition.licence.notice, i18n.language)}
              </Text>
              <Text size="sm">
                {t('instruments.detail.facts', {
                  version: version.version,
                  from: formatEffectiveFrom(version.effectiveFrom, i18n.language, t),
                  months: definition.reviewIntervalMonths,
                })}
              </Text>
            </Stack>
          </Paper>

          <section aria-labelledby="instrument-judgement">
            <Title order={2} size="h3" id="instrument-judgement">
              {t('instruments.detail.judgement')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('instruments.detail.judgementHelp')}
            </Text>
            <LevelList levels={definition.judgementLevels} testId="instrument-judgement-levels" />
          </section>

          {definition.domains.map((domain) => (
            <section key={domain.code} aria-labelledby={`domain-${domain.code}`} data-testid="instrument-domain" data-code={domain.code}>
              <Group gap="sm" mb="xs">
                <Title order={2} size="h3" id={`domain-${domain.code}`}>
                  {inLanguage(domain.names, i18n.language)}
                </Title>
                {domain.womenOnly && (
                  <Badge color="grape.9" variant="outline" styles={{ root: { textTransform: 'none' } }} data-testid="domain-women-only">
                    {t('instruments.item.womenOnly')}
                  </Badge>
                )}
              </Group>
              <Stack gap="sm">
                {definition.items
                  .filter((item) => item.domain === domain.code)
                  .map((item) => (
                    <InstrumentItemCard key={item.code} item={item} />
                  ))}
              </Stack>
            </section>
          ))}

          <section aria-labelledby="instrument-versions">
            <Title order={2} size="h3" id="instrument-versions" mb="xs">
              {t('instruments.detail.versions')}
            </Title>
            <CatalogueHistory history={history.data} describe={(data) => <VersionSummary definition={data as InstrumentDefinition} />} />
          </section>
        </Stack>
      )}
    </div>
  );
}

function InstrumentItemCard({ item }: { item: InstrumentDefinition['items'][number] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="instrument-item" data-code={item.code}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            <Text span c="dimmed" size="sm" mr={6}>
              {item.code}
            </Text>
            {inLanguage(item.names, i18n.language)}
          </Text>
          {item.protective && (
            <Badge color="teal.9" variant="outline" styles={{ root: { textTransform: 'none' } }} data-testid="item-protective">
              {t('instruments.item.protective')}
            </Badge>
          )}
          {item.womenOnly && (
            <Badge color="grape.9" variant="outline" styles={{ root: { textTransform: 'none' } }} data-testid="item-women-only">
              {t('instruments.item.womenOnly')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{inLanguage(item.guidance, i18n.language)}</Text>
        <Text size="xs" c="dimmed">
          {t('instruments.item.scale')}: {item.scale.levels.map((l) => inLanguage(l.names, i18n.language)).join(' → ')}
          {item.scale.allowsUnknown && ` · ${t('instruments.item.allowsUnknown')}`}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A scale's levels, lowest first. */
function LevelList({ levels, testId }: { levels: InstrumentDefinition['judgementLevels']; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <List type="ordered" size="sm" data-testid={testId}>
      {levels.map((l) => (
        <List.Item key={l.code}>{inLanguage(l.names, i18n.language)}</List.Item>
      ))}
    </List>
  );
}

/** One version's content in a line: its name and size, so versions can be told apart. */
function VersionSummary({ definition }: { definition: InstrumentDefinition }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{inLanguage(definition.names, i18n.language)}</Text>
      <Text size="xs" c="dimmed">
        {t('instruments.detail.size', { domains: definition.domains.length, items: definition.items.length })}
      </Text>
    </Stack>
  );
}
