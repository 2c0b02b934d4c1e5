import { PasswordInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustodyStepBody, type EvidenceBag } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { searchesApi, searchKeys } from './searches-api.ts';
import { staffName } from './search-text.ts';

type Kind = 'handed-over' | 'police-handover' | 'disposed';

/**
 * The next step of the chain by the officer holding the bag. A hand-over is signed by the receiving
 * officer typing their own password on this screen (both are present at the hand-over); a disposal
 * by a witness the same way; a police hand-over records the police officer and the receipt.
 */
export function CustodyDialog({ opened, onClose, bag, onSaved }: { opened: boolean; onClose: () => void; bag: EvidenceBag; onSaved: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [kind, setKind] = useState<Kind>('handed-over');
  const staff = useQuery({ queryKey: searchKeys.staff(bag.facilityId), queryFn: () => searchesApi.staff(bag.facilityId), enabled: opened });
  const others = (staff.data?.items ?? []).filter((s) => s.id !== session.user.id).map((s) => ({ value: s.id, label: staffName(s) }));
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('searches.bag.step')}
      formKey={`${bag.version}-${kind}`}
      initial={{ userId: '', password: '', externalParty: '', reference: '', note: '' }}
      schema={CustodyStepBody}
      toBody={(v) =>
        kind === 'handed-over'
          ? { kind, toUserId: v.userId, password: v.password, note: v.note, version: bag.version }
          : kind === 'disposed'
            ? { kind, witnessUserId: v.userId, password: v.password, note: v.note, version: bag.version }
            : { kind, externalParty: v.externalParty, reference: v.reference, note: v.note, version: bag.version }
      }
      submit={(body) => searchesApi.step(bag.id, body)}
      onSaved={() => {
        onSaved();
        onClose();
      }}
      onReload={onSaved}
      problemFields={{ 'evidence-signature-invalid': { field: 'password' }, 'evidence-receiver-invalid': { field: 'userId' } }}
      testId="custody-form"
    >
      {(form) => (
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(k) => setKind(k as Kind)}
            data={(['handed-over', 'police-handover', 'disposed'] as const).map((k) => ({ value: k, label: t(`searches.steps.${k}`) }))}
            data-testid="custody-kind"
          />
          {kind !== 'police-handover' ? (
            <>
              <Text size="sm">{t(kind === 'handed-over' ? 'searches.bag.signHint' : 'searches.bag.disposeHint')}</Text>
              <Select label={t(kind === 'handed-over' ? 'searches.fields.toUser' : 'searches.fields.witness')} searchable data={others} {...form.choice('userId')} error={form.errors.userId ?? form.errors.toUserId ?? form.errors.witnessUserId} data-testid="custody-user" />
              <PasswordInput label={t('searches.fields.password')} autoComplete="off" {...form.text('password')} data-testid="custody-password" />
            </>
          ) : (
            <>
              <TextInput label={t('searches.fields.externalParty')} {...form.text('externalParty')} />
              <TextInput label={t('searches.fields.reference')} {...form.text('reference')} />
            </>
          )}
          <Textarea label={t('searches.fields.note')} autosize minRows={2} {...form.text('note')} />
        </Stack>
      )}
    </FormDialog>
  );
}
