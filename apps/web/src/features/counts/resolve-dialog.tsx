import { Button, Group, NumberInput, Radio, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ResolveCountBody, type CountResolutionKind, type CountSession, type CountUnit } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { countsApi } from './counts-api.ts';

/** Resolves a discrepancy: a recount with the new number, or an explanation; both with a reason. */
export function ResolveDialog({ session, unit, onClose, onDone }: { session: CountSession; unit: CountUnit; onClose: () => void; onDone: (s: CountSession) => void }) {
  const { t } = useTranslation();
  const form = useForm({ resolution: 'recount' as CountResolutionKind, counted: '' as number | string, reason: '' });
  const v = form.values;
  const resolve = useMutation({
    mutationFn: async () => {
      const raw = v.resolution === 'recount' ? { resolution: 'recount', counted: typeof v.counted === 'number' ? v.counted : undefined, reason: v.reason } : { resolution: 'explained', reason: v.reason };
      const body = form.check(ResolveCountBody, raw, t);
      return body ? countsApi.resolve(session.id, unit.locationId, body) : null;
    },
    onSuccess: (s) => {
      if (!s) return;
      onDone(s);
      onClose();
    },
  });
  return (
    <AppModal opened onClose={onClose} title={t('counts.resolve.title', { unit: `${unit.path} · ${unit.name}`, counted: unit.counted ?? 0, expected: unit.expected })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          resolve.mutate();
        }}
        data-testid="resolve-form"
      >
        <Stack>
          <Radio.Group label={t('counts.resolve.how')} value={v.resolution} onChange={(r) => form.set('resolution', r as CountResolutionKind)}>
            <Stack gap="xs" mt="xs">
              <Radio value="recount" label={t('counts.resolve.recount')} data-testid="resolve-recount" />
              <Radio value="explained" label={t('counts.resolve.explained')} data-testid="resolve-explained" />
            </Stack>
          </Radio.Group>
          {v.resolution === 'recount' && (
            <NumberInput label={t('counts.resolve.newCount')} value={v.counted} onChange={(n) => form.set('counted', n)} min={0} max={100000} allowDecimal={false} allowNegative={false} error={form.errors.counted} required name="recounted" />
          )}
          <Textarea label={t('common.reason')} value={v.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} required maxLength={500} autosize minRows={2} name="reason" />
          <ProblemAlert error={resolve.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={resolve.isPending} data-testid="resolve-save">
              {t('counts.resolve.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
