import { useEffect, useState } from 'react';
import { Alert, Affix } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { onNotify } from './notify.ts';

/** Shows the latest error from `notifyError` for a few seconds. */
export function Toaster() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    onNotify((m) => {
      setMessage(m);
      clearTimeout(timer);
      timer = setTimeout(() => setMessage(null), 8000);
    });
    return () => {
      onNotify(null);
      clearTimeout(timer);
    };
  }, []);
  if (!message) return null;
  return (
    <Affix position={{ bottom: 20, right: 20 }}>
      <Alert color="red" variant="outline" bg="var(--mantine-color-body)" role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMessage(null)} maw={420}>
        {message}
      </Alert>
    </Affix>
  );
}
