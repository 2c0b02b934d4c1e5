import { useState } from 'react';
import { Checkbox, Fieldset, NativeSelect, Radio, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RightsInformation } from '@vigil/contracts';
import { useSession } from '../../../app/session.tsx';
import { StepFrame, useStepSave, type StepProps } from '../step-frame.tsx';

const RIGHTS_LANGUAGES = RightsInformation.shape.language.options;
type Notice = 'notified' | 'declined' | 'not-yet';

/**
 * Step 6: the reception search; the family told where the person is (Mandela Rule 68); written
 * information on rules and rights given in a language they understand, and acknowledged (Rules 54–55).
 */
export function ArrivalStep({ intake, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const d = intake.data;
  const [searched, setSearched] = useState(d.search !== undefined);
  const [search, setSearch] = useState({ searchedBy: d.search?.searchedBy ?? session.user.displayName, findings: d.search?.findings ?? '' });
  const fn = d.familyNotification;
  const [notice, setNotice] = useState<Notice>(fn?.notified ? 'notified' : fn?.declinedByPrisoner ? 'declined' : 'not-yet');
  const [whom, setWhom] = useState(fn?.whom ?? '');
  const [how, setHow] = useState(fn?.how ?? '');
  const [rightsLanguage, setRightsLanguage] = useState<string>(d.rights?.language ?? '');
  const [acknowledged, setAcknowledged] = useState(d.rights?.acknowledged ?? false);
  const s = useStepSave(intake, onSaved);

  const patch = () => ({
    search: searched ? { searchedBy: search.searchedBy || undefined, findings: search.findings } : undefined,
    familyNotification: notice === 'not-yet' && !fn ? undefined : { notified: notice === 'notified', declinedByPrisoner: notice === 'declined', whom, how },
    rights: rightsLanguage ? { language: rightsLanguage, acknowledged } : undefined,
  });

  return (
    <StepFrame
      step="arrival"
      intake={intake}
      title={t('reception.steps.arrival')}
      onSave={(advance) => s.save(patch(), advance)}
      onBack={onBack}
      save={s}
    >
      <Stack>
        <Fieldset legend={t('reception.search.title')}>
          <Stack gap="xs">
            <Checkbox label={t('reception.search.done')} name="search.done" checked={searched} onChange={(e) => setSearched(e.currentTarget.checked)} />
            {searched && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('reception.search.searchedBy')} name="search.searchedBy" value={search.searchedBy} onChange={(e) => setSearch({ ...search, searchedBy: e.currentTarget.value })} error={s.errors['search.searchedBy']} required maxLength={100} />
                <Textarea label={t('reception.search.findings')} name="search.findings" value={search.findings} onChange={(e) => setSearch({ ...search, findings: e.currentTarget.value })} error={s.errors['search.findings']} maxLength={1000} autosize minRows={1} />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('reception.notification.title')}>
          <Stack gap="xs">
            <Radio.Group value={notice} onChange={(v) => setNotice(v as Notice)} label={t('reception.notification.question')} name="familyNotification.state">
              <Stack gap={6} mt={6}>
                <Radio value="notified" label={t('reception.notification.notified')} data-testid="notice-notified" />
                <Radio value="declined" label={t('reception.notification.declined')} data-testid="notice-declined" />
                <Radio value="not-yet" label={t('reception.notification.notYet')} />
              </Stack>
            </Radio.Group>
            {notice === 'notified' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('reception.notification.whom')} name="familyNotification.whom" value={whom} onChange={(e) => setWhom(e.currentTarget.value)} error={s.errors['familyNotification.whom']} maxLength={200} />
                <TextInput label={t('reception.notification.how')} name="familyNotification.how" value={how} onChange={(e) => setHow(e.currentTarget.value)} error={s.errors['familyNotification.how']} maxLength={100} />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('reception.rights.title')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('reception.rights.language')}
              name="rights.language"
              data={[{ value: '', label: t('prisoners.form.choose') }, ...RIGHTS_LANGUAGES.map((l) => ({ value: l, label: t(`reception.rights.languages.${l}`) }))]}
              value={rightsLanguage}
              onChange={(e) => setRightsLanguage(e.currentTarget.value)}
              error={s.errors['rights.language']}
              required
            />
            <Checkbox mt={{ sm: 'xl' }} label={t('reception.rights.acknowledged')} name="rights.acknowledged" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />
          </SimpleGrid>
        </Fieldset>
      </Stack>
    </StepFrame>
  );
}
