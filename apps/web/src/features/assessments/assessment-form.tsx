import { Badge, Grid, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_LEVEL, type InstrumentDefinition } from '@vigil/contracts';
import { inLanguage } from './instrument-text.ts';
import { levelName } from './assessment-text.ts';
import { ItemProfile } from './item-profile.tsx';

type Item = InstrumentDefinition['items'][number];
export interface DraftRating {
  level: string;
  evidence: string;
  source: string;
}
export interface Draft {
  ratings: Record<string, DraftRating>;
  formulation: string;
  judgement: string;
}

/**
 * The assessment itself: every item that applies, by domain, with its guidance and scale, the
 * evidence and source of each rating; then the formulation and the final judgement, with the item
 * profile beside them. Editable only by the assigned assessor while it is a draft.
 */
export function AssessmentForm(props: { def: InstrumentDefinition; items: Item[]; draft: Draft; onChange: (draft: Draft) => void; editable: boolean; faults: Record<string, string> }) {
  const { def, items, draft, onChange, editable, faults } = props;
  const { t, i18n } = useTranslation();
  const rate = (code: string, change: Partial<DraftRating>) => onChange({ ...draft, ratings: { ...draft.ratings, [code]: { level: '', evidence: '', source: '', ...draft.ratings[code], ...change } } });

  return (
    <Stack gap="lg">
      {def.domains
        .filter((d) => items.some((i) => i.domain === d.code))
        .map((domain) => {
          const inDomain = items.filter((i) => i.domain === domain.code);
          const rated = inDomain.filter((i) => draft.ratings[i.code]?.level).length;
          return (
            <section key={domain.code} aria-labelledby={`domain-${domain.code}`} data-testid="assessment-domain" data-code={domain.code}>
              <Group justify="space-between" mb="xs" wrap="wrap">
                <Title order={2} size="h3" id={`domain-${domain.code}`}>
                  {inLanguage(domain.names, i18n.language)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('assessments.page.domainProgress', { rated, total: inDomain.length })}
                </Text>
              </Group>
              <Stack gap="sm">
                {inDomain.map((item) => (
                  <ItemCard key={item.code} def={def} item={item} rating={draft.ratings[item.code]} onRate={(c) => rate(item.code, c)} editable={editable} faults={faults} />
                ))}
              </Stack>
            </section>
          );
        })}

      <section aria-labelledby="assessment-judgement-title">
        <Title order={2} size="h3" id="assessment-judgement-title" mb="xs">
          {t('assessments.page.conclusion')}
        </Title>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack>
              <Textarea
                label={t('assessments.page.formulation')}
                description={t('assessments.page.formulationHelp')}
                value={draft.formulation}
                onChange={(e) => onChange({ ...draft, formulation: e.currentTarget.value })}
                readOnly={!editable}
                autosize
                minRows={5}
                maxLength={20000}
                error={faults.formulation}
                name="formulation"
                data-testid="assessment-formulation"
              />
              <Radio.Group
                label={t('assessments.page.judgement')}
                description={t('assessments.page.judgementHelp')}
                value={draft.judgement}
                onChange={(v) => editable && onChange({ ...draft, judgement: v })}
                error={faults.judgement}
                data-testid="assessment-judgement-choice"
              >
                <Group mt="xs">
                  {def.judgementLevels.map((l) => (
                    <Radio key={l.code} value={l.code} label={inLanguage(l.names, i18n.language)} disabled={!editable && draft.judgement !== l.code} data-code={l.code} />
                  ))}
                </Group>
              </Radio.Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ItemProfile def={def} items={items} ratings={draft.ratings} />
          </Grid.Col>
        </Grid>
      </section>
    </Stack>
  );
}

function ItemCard({ def, item, rating, onRate, editable, faults }: { def: InstrumentDefinition; item: Item; rating: DraftRating | undefined; onRate: (c: Partial<DraftRating>) => void; editable: boolean; faults: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const levels = [...item.scale.levels.map((l) => ({ value: l.code, label: inLanguage(l.names, i18n.language) })), ...(item.scale.allowsUnknown ? [{ value: UNKNOWN_LEVEL, label: t('assessments.page.unknown') }] : [])];
  const fault = (path: string) => faults[`ratings.${item.code}${path}`];
  const levelFault = fault('') ?? fault('.level');
  return (
    <Paper withBorder p="sm" data-testid="assessment-item" data-code={item.code} data-rated={rating?.level ? 'true' : 'false'}>
      <Stack gap={8}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            <Text span c="dimmed" size="sm" mr={6}>
              {item.code}
            </Text>
            {inLanguage(item.names, i18n.language)}
          </Text>
          {item.protective && (
            <Badge color="teal.9" variant="outline" styles={{ root: { textTransform: 'none' } }}>
              {t('instruments.item.protective')}
            </Badge>
          )}
          {(item.womenOnly || def.domains.find((d) => d.code === item.domain)?.womenOnly) && (
            <Badge color="grape.9" variant="outline" styles={{ root: { textTransform: 'none' } }} data-testid="item-women-only">
              {t('instruments.item.womenOnly')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {inLanguage(item.guidance, i18n.language)}
        </Text>
        {editable ? (
          <>
            <Radio.Group
              label={t('assessments.page.level')}
              value={rating?.level ?? ''}
              onChange={(level) => onRate({ level })}
              error={levelFault}
              name={`level-${item.code}`}
              data-testid="rating-level"
            >
              <Group mt={4} gap="md">
                {levels.map((l) => (
                  <Radio key={l.value} value={l.value} label={l.label} />
                ))}
              </Group>
            </Radio.Group>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <Textarea label={t('assessments.page.evidence')} value={rating?.evidence ?? ''} onChange={(e) => onRate({ evidence: e.currentTarget.value })} autosize minRows={2} maxLength={4000} error={fault('.evidence')} data-testid="rating-evidence" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('assessments.page.source')} value={rating?.source ?? ''} onChange={(e) => onRate({ source: e.currentTarget.value })} maxLength={500} data-testid="rating-source" />
              </Grid.Col>
            </Grid>
          </>
        ) : (
          <Stack gap={2} data-testid="rating-read">
            <Text size="sm">
              <Text span fw={600}>
                {t('assessments.page.level')}:
              </Text>{' '}
              {rating?.level ? levelName(def, item.code, rating.level, i18n.language, t('assessments.page.unknown')) : t('assessments.page.notRated')}
            </Text>
            {rating?.evidence && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('assessments.page.evidence')}:
                </Text>{' '}
                {rating.evidence}
              </Text>
            )}
            {rating?.source && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('assessments.page.source')}:
                </Text>{' '}
                {rating.source}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
