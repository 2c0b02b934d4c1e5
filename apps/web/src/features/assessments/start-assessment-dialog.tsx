import { Select } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateAssessmentBody, type Assessment, type Prisoner } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { inLanguage } from './instrument-text.ts';

/**
 * Opens a draft: the instrument (at the version in force today) and the assessor who will rate and
 * judge it, one of those allowed to assess at the prisoner's facility (the person starting it by default).
 */
export function StartAssessmentDialog({ prisoner, onClose, onStarted }: { prisoner: Prisoner; onClose: () => void; onStarted: (a: Assessment) => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const instruments = useQuery({ queryKey: assessmentKeys.instruments, queryFn: assessmentsApi.instruments });
  const assessors = useQuery({ queryKey: assessmentKeys.assessors(prisoner.id), queryFn: () => assessmentsApi.assessors(prisoner.id) });
  const me = assessors.data?.items.find((a) => a.id === session.user.id);

  return (
    <FormDialog
      opened={!!assessors.data}
      onClose={onClose}
      title={t('assessments.startTitle')}
      initial={{ instrumentCode: '', assessorId: me?.id ?? '' }}
      schema={CreateAssessmentBody}
      submit={(body) => assessmentsApi.create(prisoner.id, body)}
      onSaved={(a) => {
        void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofPrisoner(prisoner.id) });
        onStarted(a);
      }}
      submitLabel={t('assessments.startSubmit')}
      problemFields={{ 'assessment-instrument-unknown': { field: 'instrumentCode' }, 'assessment-assessor-invalid': { field: 'assessorId' } }}
      testId="assessment-start-form"
    >
      {(form) => (
        <>
          <Select
            label={t('assessments.fields.instrument')}
            data={(instruments.data?.items ?? []).map((i) => ({ value: i.code, label: inLanguage(i.definition.names, i18n.language) }))}
            {...form.choice('instrumentCode')}
            data-testid="assessment-instrument"
            data-autofocus
          />
          <Select
            label={t('assessments.fields.assessor')}
            description={t('assessments.fields.assessorHelp')}
            data={(assessors.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))}
            {...form.choice('assessorId')}
            searchable
            data-testid="assessment-assessor"
          />
        </>
      )}
    </FormDialog>
  );
}
