import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, Tabs, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CorrectPrisonerBody, SECURITY_LEVELS, type Prisoner } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { validate, type FieldErrors } from '../../ui/validation.ts';
import { AdmissionFields } from './file-fields/admission-fields.tsx';
import { FamilyFields } from './file-fields/family-fields.tsx';
import { IdentityFields } from './file-fields/identity-fields.tsx';
import { LegalFields } from './file-fields/legal-fields.tsx';
import { fileBody, fileDraft, type FileDraft } from './file-draft.ts';
import { problemFieldErrors, withoutPathDetail } from './problem-fields.ts';
import { prisonerKeys, prisonersApi } from './prisoners-api.ts';

const SECTIONS = ['identity', 'legal', 'family', 'admission'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Corrects the file: the whole record is sent with a reason and the version it was loaded at, and
 * becomes a new version. On a conflict what was typed stays; the user may reload the saved file.
 */
export function CorrectFileForm({ prisoner, onDone, onCancel }: { prisoner: Prisoner; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FileDraft>(() => fileDraft(prisoner.file));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tab, setTab] = useState<Section>('identity');
  const set = <K extends keyof FileDraft>(key: K) => (value: FileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: async () => {
      const result = validate(CorrectPrisonerBody, { file: fileBody(draft), reason, version: prisoner.version }, t);
      setErrors(result.errors ?? {});
      if (!result.data) {
        const first = SECTIONS.find((s) => Object.keys(result.errors).some((k) => k.startsWith(`file.${s}.`)));
        if (first) setTab(first);
        return null;
      }
      return prisonersApi.correct(prisoner.id, result.data);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(prisonerKeys.one(prisoner.id), saved);
      void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
      onDone();
    },
  });
  const all = { ...problemFieldErrors(save.error, t, i18n.language), ...errors };
  const hasErrors = (s: Section) => Object.keys(all).some((k) => k.startsWith(`file.${s}.`));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="correct-file-form"
    >
      <Stack>
        <Tabs value={tab} onChange={(v) => v && setTab(v as Section)} keepMounted={false}>
          <Tabs.List>
            {SECTIONS.map((s) => (
              <Tabs.Tab key={s} value={s} color={hasErrors(s) ? 'red' : undefined} data-testid={`correct-tab-${s}`}>
                {t(`prisoners.sections.${s}`)}
                {hasErrors(s) ? ` · ${t('prisoners.form.hasErrors')}` : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="identity" pt="md">
            <IdentityFields value={draft.identity} onChange={set('identity')} errors={all} prefix="file.identity" />
          </Tabs.Panel>
          <Tabs.Panel value="legal" pt="md">
            <Stack>
              <LegalFields value={draft.legal} onChange={set('legal')} errors={all} prefix="file.legal" />
              <Group>
                <NativeSelect
                  label={t('prisoners.securityCategory')}
                  data={SECURITY_LEVELS.map((l) => ({ value: l, label: t(`locations.security.${l}`) }))}
                  value={draft.securityCategory}
                  onChange={(e) => set('securityCategory')(e.currentTarget.value)}
                  error={all['file.securityCategory']}
                />
                <Checkbox mt="lg" label={t('prisoners.cellSharingRisk')} checked={draft.cellSharingRisk} onChange={(e) => set('cellSharingRisk')(e.currentTarget.checked)} />
              </Group>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="family" pt="md">
            <FamilyFields value={draft.family} onChange={set('family')} errors={all} prefix="file.family" />
          </Tabs.Panel>
          <Tabs.Panel value="admission" pt="md">
            <AdmissionFields value={draft.admission} onChange={set('admission')} errors={all} prefix="file.admission" sex={draft.identity.sex} />
          </Tabs.Panel>
        </Tabs>
        <Textarea
          label={t('prisoners.correct.reason')}
          description={t('prisoners.correct.reasonHelp')}
          name="reason"
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setErrors(({ reason: _r, ...rest }) => rest);
          }}
          error={all.reason}
          required
          maxLength={500}
          autosize
          minRows={2}
        />
        <ProblemAlert
          error={withoutPathDetail(save.error)}
          onReload={() => {
            save.reset();
            void queryClient.refetchQueries({ queryKey: prisonerKeys.one(prisoner.id) });
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="correct-save">
            {t('prisoners.correct.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
