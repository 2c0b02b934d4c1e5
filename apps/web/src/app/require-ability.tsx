import type { ReactNode } from 'react';
import { Alert, Button, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@vigil/contracts';
import { useCan } from './session.tsx';

/** Renders the screen only when the server granted the ability; otherwise says so plainly. */
export function RequireAbility({ ability, children }: { ability: Permission; children: ReactNode }) {
  const can = useCan();
  return can(ability) ? <>{children}</> : <NoAccessPage />;
}

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640} data-testid="no-access">
      <Title order={1} size="h2">
        {t('access.deniedTitle')}
      </Title>
      <Alert color="orange" variant="outline">
        {t('access.deniedText')}
      </Alert>
      <div>
        <Button component={Link} to="/" variant="default">
          {t('access.goHome')}
        </Button>
      </div>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640} data-testid="not-found">
      <Title order={1} size="h2">
        {t('access.notFoundTitle')}
      </Title>
      <div>
        <Button component={Link} to="/" variant="default">
          {t('access.goHome')}
        </Button>
      </div>
    </Stack>
  );
}
