import { NumberInput, Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResolveCountBody, type CountResolutionKind, type CountSession, type CountUnit } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { countsApi } from './counts-api.ts';

const initial = { resolution: 'recount' as CountResolutionKind, counted: '' as number | string, reason: '' };

/** Resolves a discrepancy: a recount with the new number, or an explanation; both with a reason. */
export function ResolveDialog({ session, unit, onClose, onDone }: { session: CountSession; unit: CountUnit; onClose: () => void; onDone: (s: CountSession) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('counts.resolve.title', { unit: `${unit.path} · ${unit.name}`, counted: unit.counted ?? 0, expected: unit.expected })}
      size="md"
      initial={initial}
      schema={ResolveCountBody}
      toBody={(v) => (v.resolution === 'recount' ? { resolution: 'recount', counted: typeof v.counted === 'number' ? v.counted : undefined, reason: v.reason } : { resolution: 'explained', reason: v.reason })}
      submit={(body) => countsApi.resolve(session.id, unit.locationId, body)}
      onSaved={(s) => {
        onDone(s);
        onClose();
      }}
      submitLabel={t('counts.resolve.submit')}
      testId="resolve-form"
    >
      {(form) => (
        <>
          <Radio.Group label={t('counts.resolve.how')} {...form.choice('resolution')}>
            <Stack gap="xs" mt="xs">
              <Radio value="recount" label={t('counts.resolve.recount')} data-testid="resolve-recount" />
              <Radio value="explained" label={t('counts.resolve.explained')} data-testid="resolve-explained" />
            </Stack>
          </Radio.Group>
          {/* The contract is a choice of two shapes, so the binder cannot tell these are required: say so. */}
          {form.values.resolution === 'recount' && (
            <NumberInput label={t('counts.resolve.newCount')} {...form.choice('counted')} min={0} max={100000} allowDecimal={false} allowNegative={false} required name="recounted" />
          )}
          <Textarea label={t('common.reason')} {...form.text('reason')} required maxLength={500} autosize minRows={2} />
        </>
      )}
    </FormDialog>
  );
}
