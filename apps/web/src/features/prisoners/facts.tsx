import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';

/** A definition list of label/value pairs, in a grid that folds to two columns on a tablet. */
export function Facts({ items, cols = 3, testId }: { items: [string, ReactNode][]; cols?: number; testId?: string }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: cols }} component="dl" m={0} spacing="sm" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
