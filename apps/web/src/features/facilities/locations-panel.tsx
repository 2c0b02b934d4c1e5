import { useMemo, useState } from 'react';
import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Location } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { facilityKeys, locationsApi } from './facilities-api.ts';
import { BulkCellsDialog } from './bulk-cells-form.tsx';
import { LocationDialog } from './location-form.tsx';
import { LocationTree, type LocationAction } from './location-tree.tsx';
import { buildLocationTree, type LocationNode } from './location-tree-model.ts';

type Dialog = { action: 'add'; parent: Location | null } | { action: 'edit' | 'bulk' | 'deactivate'; id: string } | null;

export function LocationsPanel({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Landings start folded (they hold the many cells); anything the user opened or just changed is open.
  const [opened, setOpened] = useState<Record<string, boolean>>({});

  const tree = useQuery({
    queryKey: [...facilityKeys.locations(facilityId), { includeInactive }],
    queryFn: () => locationsApi.tree(facilityId, includeInactive),
  });
  const items = tree.data?.items ?? [];
  const nodes = useMemo(() => buildLocationTree(items), [items]);
  // Dialogs look the record up in the latest list, so a reload after a conflict shows the saved version.
  const current = dialog && 'id' in dialog ? items.find((l) => l.id === dialog.id) : undefined;

  const refresh = () => queryClient.invalidateQueries({ queryKey: facilityKeys.locations(facilityId) });
  const open = (id: string | null | undefined) => id && setOpened((o) => ({ ...o, [id]: true }));
  const close = () => setDialog(null);

  const deactivate = useMutation({
    mutationFn: ({ location, reason }: { location: Location; reason: string }) => locationsApi.deactivate(location.id, reason, location.version),
    onSuccess: () => {
      close();
      void refresh();
    },
  });
  const reactivate = useMutation({
    mutationFn: (location: Location) => locationsApi.reactivate(location.id, location.version),
    onSuccess: () => void refresh(),
  });

  const onAction = (action: LocationAction, location: Location) => {
    deactivate.reset();
    if (action === 'add') setDialog({ action: 'add', parent: location });
    else if (action === 'reactivate') reactivate.mutate(location);
    else setDialog({ action, id: location.id });
  };

  return (
    <Stack gap="xs" mt="md" data-testid="locations-panel">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('locations.title')}
        </Title>
        <Group gap="xs">
          <Switch label={t('common.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
          {can('locations.manage') && (
            <Button onClick={() => setDialog({ action: 'add', parent: null })} data-testid="add-top-location">
              {t('locations.addTop')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryState isPending={tree.isPending} error={tree.error} />
      <ProblemAlert error={reactivate.error} onReload={() => void refresh()} />
      {tree.data && items.length === 0 && <Text>{t('locations.empty')}</Text>}
      <LocationTree
        nodes={nodes}
        isExpanded={(n: LocationNode) => opened[n.location.id] ?? n.location.kind !== 'landing'}
        onToggle={(n: LocationNode) => setOpened((o) => ({ ...o, [n.location.id]: !(o[n.location.id] ?? n.location.kind !== 'landing') }))}
        onAction={can('locations.manage') ? onAction : null}
      />

      <LocationDialog
        opened={dialog?.action === 'add'}
        facilityId={facilityId}
        all={items}
        parent={dialog?.action === 'add' ? dialog.parent : null}
        title={dialog?.action === 'add' && dialog.parent ? t('locations.addInsideNamed', { name: `${dialog.parent.path} · ${dialog.parent.name}` }) : t('locations.addTop')}
        onClose={close}
        onSaved={(saved) => {
          open(saved.parentId);
          close();
        }}
      />
      {current && <LocationDialog opened={dialog?.action === 'edit'} facilityId={facilityId} all={items} location={current} title={t('locations.edit')} onClose={close} onSaved={close} />}
      <BulkCellsDialog
        opened={dialog?.action === 'bulk'}
        facilityId={facilityId}
        landing={current}
        onClose={close}
        onSaved={() => {
          open(current?.id);
          close();
        }}
      />
      {current && (
        <ReasonDialog
          opened={dialog?.action === 'deactivate'}
          title={t('locations.deactivate', { name: `${current.path} · ${current.name}` })}
          onClose={close}
          onConfirm={(reason) => deactivate.mutate({ location: current, reason })}
          pending={deactivate.isPending}
          error={deactivate.error}
          onReload={() => {
            deactivate.reset();
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}
