import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '@vigil/contracts';
import { alertKeys, alertsApi } from '../alerts/alerts-api.ts';

/** Alert codes by name in the reader's language, for rules that exclude an alert. */
export function useAlertNames() {
  const { i18n } = useTranslation();
  const types = useQuery({ queryKey: alertKeys.types, queryFn: alertsApi.types, staleTime: 300_000 });
  const items = types.data?.items ?? [];
  const name = (code: string) => {
    const type = items.find((a) => a.code === code);
    return type ? (type.names[i18n.language as Language] ?? type.names.en) : code;
  };
  return { name, options: items.map((a) => ({ value: a.code, label: a.names[i18n.language as Language] ?? a.names.en })) };
}
