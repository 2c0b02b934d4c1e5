import type { ReactNode } from 'react';
import { Button, Fieldset, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A repeated group of fields (documents, charges, children…): each entry in its own box with a
 * remove button, and an add button below. `render` gets the entry, a setter for it and its index.
 */
export function ListField<T>(props: {
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  addLabel: string;
  render: (item: T, set: (patch: Partial<T>) => void, index: number) => ReactNode;
  testId: string;
  error?: string;
  max?: number;
}) {
  const { t } = useTranslation();
  const { items, onChange } = props;
  const set = (index: number) => (patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Fieldset legend={props.legend} data-testid={props.testId}>
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('prisoners.form.noneRecorded')}
          </Text>
        )}
        {items.map((item, index) => (
          <Paper key={index} withBorder p="sm" data-testid={`${props.testId}-${index}`}>
            <Stack gap="xs">
              {props.render(item, set(index), index)}
              <Group justify="flex-end">
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(items.filter((_, i) => i !== index))} aria-label={t('prisoners.form.removeNumbered', { legend: props.legend, n: index + 1 })}>
                  {t('prisoners.form.remove')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        {props.error && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {props.error}
          </Text>
        )}
        {items.length < (props.max ?? 20) && (
          <div>
            <Button size="sm" variant="default" onClick={() => onChange([...items, props.blank()])} data-testid={`${props.testId}-add`}>
              {props.addLabel}
            </Button>
          </div>
        )}
      </Stack>
    </Fieldset>
  );
}
