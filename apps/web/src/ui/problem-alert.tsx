import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.ts';

/**
 * Shows a failed request. The problem title comes from the server already translated into the
 * user's language (field errors show beside their fields); an edit conflict also offers to reload the record (the user's input stays put).
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error.problem : null;
  const known = problem && problem.status > 0 && problem.code !== 'network';
  const title = known ? problem.title : t('errors.network');
  const conflict = problem?.code === 'edit-conflict';

  return (
    <Alert color="red" variant="outline" title={title} role="alert" data-testid={conflict ? 'edit-conflict' : 'problem'}>
      {problem?.detail && <Text size="sm">{problem.detail}</Text>}
      {problem?.requestId && (
        <Text size="xs" mt="xs">
          {t('errors.requestId', { id: problem.requestId })}
        </Text>
      )}
      {conflict && onReload && (
        <Group mt="sm">
          <Button size="xs" variant="filled" color="red" onClick={onReload}>
            {t('common.reloadLatest')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
