import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CellOption, Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { AllocateDialog } from './allocate-dialog.tsx';
import { allocationApi, allocationKeys } from './allocation-api.ts';

/**
 * Where the prisoner is held, and allocating or moving them to a cell. The server checks every
 * cell against Mandela Rule 11; suitable cells come first, and each other cell says why not.
 */
export function AllocationPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const [choosing, setChoosing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const mayAllocate = can('allocation.manage') && prisoner.state === 'in-custody';

  return (
    <Stack data-testid="allocation-panel">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4">
            {t('allocation.currentCell')}
          </Title>
          <Text size="lg" fw={600} data-testid="current-cell">
            {prisoner.location?.path || t('allocation.notInCell')}
          </Text>
        </div>
        {mayAllocate && !choosing && (
          <Button
            onClick={() => {
              setChoosing(true);
              setDone(null);
            }}
            data-testid="allocate-open"
          >
            {prisoner.location ? t('allocation.move') : t('allocation.allocate')}
          </Button>
        )}
      </Group>
      {!mayAllocate && can('allocation.manage') && <Text size="sm">{t('allocation.notInCustody')}</Text>}
      {done && (
        <Alert color="green" variant="outline" role="status" data-testid="allocation-done">
          {t('allocation.done', { path: done })}
        </Alert>
      )}
      {choosing && (
        <CellChooser
          prisoner={prisoner}
          onCancel={() => setChoosing(false)}
          onDone={(path) => {
            setChoosing(false);
            setDone(path);
          }}
        />
      )}
    </Stack>
  );
}

function CellChooser({ prisoner, onCancel, onDone }: { prisoner: Prisoner; onCancel: () => void; onDone: (path: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<CellOption | null>(null);
  const options = useQuery({ queryKey: allocationKeys.options(prisoner.id, q), queryFn: () => allocationApi.options(prisoner.id, q), placeholderData: keepPreviousData });
  const items = options.data?.items ?? [];

  return (
    <Stack gap="xs" data-testid="cell-chooser">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('allocation.search')}
          description={t('allocation.searchHelp')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={60}
          type="search"
          w={{ base: '100%', sm: 320 }}
          data-testid="cell-search"
          data-autofocus
        />
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
      <QueryState isPending={options.isPending} error={options.error} />
      {options.data && (
        <Text size="sm" role="status" data-testid="cell-options-count" data-query={q} data-fetching={options.isFetching ? 'true' : 'false'}>
          {items.length === 0 ? t('allocation.noCells') : t('allocation.cellCount', { count: items.length })}
        </Text>
      )}
      {items.length > 0 && <OptionsTable items={items} onChoose={setChosen} />}
      {chosen && <AllocateDialog prisoner={prisoner} option={chosen} onClose={() => setChosen(null)} onDone={() => onDone(chosen.path)} />}
    </Stack>
  );
}

/** Suitable cells first, as the server orders them; a header click sorts otherwise. */
function OptionsTable({ items, onChoose }: { items: CellOption[]; onChoose: (o: CellOption) => void }) {
  const { t } = useTranslation();
  const columns: DataColumn<CellOption>[] = [
    {
      key: 'cell',
      header: 'allocation.columns.cell',
      rowHeader: true,
      sortValue: (o) => o.path,
      exportValue: (o) => `${o.path} ${o.name}`,
      cell: (o) => (
        <>
          <Text fw={700} size="sm">
            {o.path}
          </Text>
          <Text size="xs">{o.name}</Text>
        </>
      ),
    },
    { key: 'places', header: 'allocation.columns.places', nowrap: true, sortValue: (o) => o.freePlaces, exportValue: (o) => t('allocation.places', { free: o.freePlaces, capacity: o.operationalCapacity }), cell: (o) => t('allocation.places', { free: o.freePlaces, capacity: o.operationalCapacity }) },
    {
      key: 'designation',
      header: 'allocation.columns.designation',
      exportValue: (o) => `${t(`locations.sex.${o.sexDesignation}`)}, ${t(`locations.security.${o.securityLevel}`)}`,
      cell: (o) => (
        <>
          <Text size="sm">{t(`locations.sex.${o.sexDesignation}`)}</Text>
          <Text size="xs">{t(`locations.security.${o.securityLevel}`)}</Text>
        </>
      ),
    },
    { key: 'assessment', header: 'allocation.columns.assessment', sortValue: (o) => o.violations.length, cell: (o) => <Assessment option={o} /> },
    {
      key: 'action',
      header: 'allocation.columns.action',
      cell: (o) => (
        <Button size="xs" variant={o.violations.length ? 'default' : 'filled'} onClick={() => onChoose(o)} aria-label={t('allocation.chooseCell', { path: o.path })} data-testid={`choose-${o.path}`}>
          {t('allocation.choose')}
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(o) => o.locationId}
      label={t('allocation.tableLabel')}
      minWidth={720}
      testId="cell-options-table"
      rowTestId="cell-option"
      rowData={(o) => ({ 'data-path': o.path, 'data-suitable': o.violations.length === 0 })}
    />
  );
}

/** A short verdict per cell; the full reasons are in the dialog once it is chosen. */
function Assessment({ option }: { option: CellOption }) {
  const { t } = useTranslation();
  if (option.violations.length === 0) {
    return (
      <Stack gap={2}>
        <Badge color="#2b6e2b" styles={{ label: { overflow: 'visible' } }}>{t('allocation.suitable')}</Badge>
        {option.warnings.map((w) => (
          <Text key={w} size="xs">
            {t(`allocation.warnings.${w}`)}
          </Text>
        ))}
      </Stack>
    );
  }
  const never = option.violations.some((v) => !v.overridable);
  return (
    <Stack gap={2}>
      <Badge color={never ? 'red.9' : '#a04000'} styles={{ label: { overflow: 'visible' } }}>{never ? t('allocation.notAllowed') : t('allocation.needsOverride')}</Badge>
      {option.violations.map((v) => (
        <Text key={`${v.code}-${v.overridable}`} size="xs">
          {t(`allocation.violationsShort.${v.code}`)}
        </Text>
      ))}
    </Stack>
  );
}
