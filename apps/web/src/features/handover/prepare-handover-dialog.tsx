import { Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HANDOVER_SECTIONS, IssueHandoverBody, type Handover, type Language, type RecipientProfile } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { countryName, HANDOVER_COUNTRIES } from './country-name.ts';
import { handoverApi, handoverKeys } from './handover-api.ts';

const initial = { profileCode: '', agency: { name: '', contact: '', country: 'TJ' as string | null } };

/**
 * Prepares a handover package: the named receiving agency and the recipient profile, with what
 * that profile includes and leaves out shown before anything is issued.
 */
export function PrepareHandoverDialog({ prisonerId, opened, onClose, onIssued }: { prisonerId: string; opened: boolean; onClose: () => void; onIssued: (h: Handover) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const profiles = useQuery({ queryKey: handoverKeys.profiles, queryFn: handoverApi.profiles, enabled: opened });
  const byCode = new Map((profiles.data?.items ?? []).map((p) => [p.code, p]));

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('handover.prepare.title')}
      size="lg"
      initial={initial}
      schema={IssueHandoverBody}
      toBody={(v) => ({ profileCode: v.profileCode, agency: { ...v.agency, country: v.agency.country || null } })}
      submit={(body) => handoverApi.issue(prisonerId, body)}
      onSaved={onIssued}
      problemFields={{ 'handover-profile-unknown': { field: 'profileCode' } }}
      submitLabel={t('handover.prepare.issue')}
      testId="handover-form"
    >
      {(form) => {
        const chosen = byCode.get(form.values.profileCode);
        return (
          <Stack gap="sm">
            <QueryState isPending={profiles.isPending} error={profiles.error} />
            <TextInput label={t('handover.prepare.agencyName')} description={t('handover.prepare.agencyNameHelp')} {...form.text('agency.name')} maxLength={200} data-autofocus />
            <Group grow align="flex-start" wrap="wrap">
              <TextInput label={t('handover.prepare.contact')} {...form.text('agency.contact')} maxLength={300} />
              <Select
                label={t('handover.prepare.country')}
                data={HANDOVER_COUNTRIES.map((c) => ({ value: c, label: countryName(c, t, language) })).sort((a, b) => a.label.localeCompare(b.label, language))}
                {...form.choice('agency.country')}
                required={false}
                searchable
                clearable
              />
            </Group>
            <Select
              label={t('handover.prepare.profile')}
              description={t('handover.prepare.profileHelp')}
              data={(profiles.data?.items ?? []).map((p) => ({ value: p.code, label: p.names[language] }))}
              {...form.choice('profileCode')}
              data-testid="handover-profile"
            />
            {chosen && <ProfileScope profile={chosen} />}
          </Stack>
        );
      }}
    </FormDialog>
  );
}

/** What the chosen profile puts in the package and what it leaves out, and the package's language. */
export function ProfileScope({ profile }: { profile: RecipientProfile }) {
  const { t } = useTranslation();
  const withheld = HANDOVER_SECTIONS.filter((s) => !profile.sections.includes(s));
  return (
    <Paper withBorder p="sm" data-testid="handover-profile-scope">
      <Text size="sm" fw={700} mb="xs">
        {t('handover.prepare.scopeTitle', { language: t(`handover.language.${profile.language}`) })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <div>
          <Text size="sm" fw={700}>
            {t('handover.prepare.includes')}
          </Text>
          <List size="sm" data-testid="profile-includes">
            {HANDOVER_SECTIONS.filter((s) => profile.sections.includes(s)).map((s) => (
              <List.Item key={s} data-section={s}>
                {t(`handover.section.${s}`)}
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text size="sm" fw={700}>
            {t('handover.prepare.excludes')}
          </Text>
          <List size="sm" data-testid="profile-excludes">
            {withheld.map((s) => (
              <List.Item key={s} data-section={s}>
                {t(`handover.section.${s}`)}
              </List.Item>
            ))}
            <List.Item>{t('handover.prepare.neverHealth')}</List.Item>
          </List>
        </div>
      </SimpleGrid>
    </Paper>
  );
}
