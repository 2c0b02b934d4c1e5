import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../features/auth/auth-api.ts';
import { useSession } from './session.tsx';
import { notifyError } from '../ui/notify.ts';

/** The facility the user is working in; everything is reloaded after a switch. */
export function FacilitySwitcher() {
  const { t } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: authApi.switchFacility,
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (e) => notifyError(e, t),
  });
  if (session.facilities.length === 0) return null;

  return (
    <Select
      aria-label={t('shell.facility')}
      placeholder={t('shell.chooseFacility')}
      data={session.facilities.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
      value={session.activeFacilityId}
      onChange={(id) => id && id !== session.activeFacilityId && change.mutate(id)}
      allowDeselect={false}
      searchable={session.facilities.length > 8}
      w={{ base: 150, sm: 220, lg: 280 }}
      size="sm"
      data-testid="facility-switcher"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
