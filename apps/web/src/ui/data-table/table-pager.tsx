import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Previous / Next" under a table, with where the reader is. */
export function TablePager(props: { status: string; hasPrevious: boolean; hasNext: boolean; loading?: boolean; onPrevious: () => void; onNext: () => void; testId?: string }) {
  const { t } = useTranslation();
  if (!props.hasPrevious && !props.hasNext) return null;
  return (
    <Group justify="space-between" mt="sm" wrap="wrap" data-testid={props.testId && `${props.testId}-pager`}>
      <Text size="sm" role="status">
        {props.status}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="sm" onClick={props.onPrevious} disabled={!props.hasPrevious || props.loading} data-testid="table-previous">
          {t('common.previousPage')}
        </Button>
        <Button variant="default" size="sm" onClick={props.onNext} disabled={!props.hasNext} loading={props.loading && props.hasNext} data-testid="table-next">
          {t('common.nextPage')}
        </Button>
      </Group>
    </Group>
  );
}
