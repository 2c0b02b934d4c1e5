import { useState } from 'react';
import { Checkbox, Group, NativeSelect, Stack, Tabs, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CorrectPrisonerBody, SECURITY_LEVELS, type Prisoner } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { AdmissionFields } from './file-fields/admission-fields.tsx';
import { FamilyFields } from './file-fields/family-fields.tsx';
import { IdentityFields } from './file-fields/identity-fields.tsx';
import { LegalFields } from './file-fields/legal-fields.tsx';
import { fileBody, fileDraft } from './file-draft.ts';
import { readFileRefusal } from './problem-fields.ts';
import { prisonerKeys, prisonersApi } from './prisoners-api.ts';

const SECTIONS = ['identity', 'legal', 'family', 'admission'] as const;
type Section = (typeof SECTIONS)[number];

const fromPrisoner = (p: Prisoner) => ({ ...fileDraft(p.file), reason: '' });
type Values = ReturnType<typeof fromPrisoner>;

/** The first part of the file (in tab order) with a field at fault. */
function firstSectionWithErrors(errors: FieldErrors): Section | undefined {
  return SECTIONS.find((s) => Object.keys(errors).some((k) => k.startsWith(`file.${s}.`)));
}

/**
 * Corrects the file: the whole record is sent with a reason and the version it was loaded at, and
 * becomes a new version. On a conflict what was typed stays; the user may reload the saved file.
 */
export function CorrectFileDialog({ prisoner, opened, onClose }: { prisoner: Prisoner; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Section>('identity');
  const close = () => {
    setTab('identity');
    onClose();
  };
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('prisoners.correct.title')}
      size="xl"
      formKey={prisoner.version}
      initial={fromPrisoner(prisoner)}
      schema={CorrectPrisonerBody}
      toBody={({ reason, ...draft }) => ({ file: fileBody(draft), reason, version: prisoner.version })}
      submit={(body) => prisonersApi.correct(prisoner.id, body)}
      onSaved={(saved) => {
        queryClient.setQueryData(prisonerKeys.one(prisoner.id), saved);
        void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
        close();
      }}
      onReload={() => void queryClient.refetchQueries({ queryKey: prisonerKeys.one(prisoner.id) })}
      // A wrong field may sit on another tab: open it, so the reader lands on the field.
      onInvalid={(errors) => setTab((current) => firstSectionWithErrors(errors) ?? current)}
      readRefusal={readFileRefusal(t, i18n.language)}
      submitLabel={t('prisoners.correct.save')}
      testId="correct-file-form"
      saveTestId="correct-save"
    >
      {(form) => <CorrectFileFields form={form} tab={tab} onTab={setTab} />}
    </FormDialog>
  );
}

function CorrectFileFields({ form, tab, onTab }: { form: FormBinder<Values>; tab: Section; onTab: (s: Section) => void }) {
  const { t } = useTranslation();
  const { values, errors } = form;
  const hasErrors = (s: Section) => Object.keys(errors).some((k) => k.startsWith(`file.${s}.`));
  return (
    <>
      <Tabs value={tab} onChange={(v) => v && onTab(v as Section)} keepMounted={false}>
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s} color={hasErrors(s) ? 'red' : undefined} data-testid={`correct-tab-${s}`}>
              {t(`prisoners.sections.${s}`)}
              {hasErrors(s) ? ` · ${t('prisoners.form.hasErrors')}` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="identity" pt="md">
          <IdentityFields value={values.identity} onChange={(identity) => form.patch({ identity })} errors={errors} prefix="file.identity" />
        </Tabs.Panel>
        <Tabs.Panel value="legal" pt="md">
          <Stack>
            <LegalFields value={values.legal} onChange={(legal) => form.patch({ legal })} errors={errors} prefix="file.legal" />
            <Group>
              <NativeSelect
                label={t('prisoners.securityCategory')}
                data={SECURITY_LEVELS.map((l) => ({ value: l, label: t(`locations.security.${l}`) }))}
                value={values.securityCategory}
                onChange={(e) => form.set('securityCategory', e.currentTarget.value)}
                error={errors['file.securityCategory']}
              />
              <Checkbox mt="lg" label={t('prisoners.cellSharingRisk')} {...form.checkbox('cellSharingRisk')} />
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="family" pt="md">
          <FamilyFields value={values.family} onChange={(family) => form.patch({ family })} errors={errors} prefix="file.family" />
        </Tabs.Panel>
        <Tabs.Panel value="admission" pt="md">
          <AdmissionFields value={values.admission} onChange={(admission) => form.patch({ admission })} errors={errors} prefix="file.admission" sex={values.identity.sex} />
        </Tabs.Panel>
      </Tabs>
      <Textarea label={t('prisoners.correct.reason')} description={t('prisoners.correct.reasonHelp')} {...form.text('reason')} maxLength={500} autosize minRows={2} />
    </>
  );
}
