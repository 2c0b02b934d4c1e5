import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateLocationBody, LOCATION_KINDS, UpdateLocationBody, type Location, type LocationKind } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { facilityKeys, locationsApi } from './facilities-api.ts';
import { CellFields, numberOrNull } from './location-fields.tsx';
import { descendantIds, suggestedChildKind } from './location-tree-model.ts';

interface Props {
  facilityId: string;
  /** Every location of the facility (to choose a new parent when editing). */
  all: readonly Location[];
  /** Where a new place goes (null: top level). Ignored when editing. */
  parent?: Location | null;
  location?: Location;
  onDone: (saved: Location) => void;
  onCancel: () => void;
}

const TOP = '__top__';

export function LocationForm({ facilityId, all, parent = null, location, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    parentId: location ? location.parentId : (parent?.id ?? null),
    kind: location?.kind ?? suggestedChildKind(parent?.kind ?? null),
    code: location?.code ?? '',
    name: location?.name ?? '',
    baselineCapacity: (location?.baselineCapacity ?? '') as number | string,
    operationalCapacity: (location?.operationalCapacity ?? '') as number | string,
    sexDesignation: (location?.sexDesignation ?? null) as string | null,
    securityLevel: (location?.securityLevel ?? null) as string | null,
    specialTypes: (location?.specialTypes ?? []) as string[],
  });
  const v = form.values;
  const isCell = v.kind === 'cell';

  const save = useMutation({
    mutationFn: async () => {
      const fields = {
        parentId: v.parentId,
        kind: v.kind,
        code: v.code,
        name: v.name,
        baselineCapacity: numberOrNull(v.baselineCapacity),
        operationalCapacity: numberOrNull(v.operationalCapacity),
        sexDesignation: v.sexDesignation,
        securityLevel: v.securityLevel,
        specialTypes: v.specialTypes,
      };
      if (location) {
        const body = form.check(UpdateLocationBody, { ...fields, version: location.version }, t);
        return body ? locationsApi.update(location.id, body) : null;
      }
      const body = form.check(CreateLocationBody, fields, t);
      return body ? locationsApi.create(facilityId, body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void queryClient.invalidateQueries({ queryKey: facilityKeys.locations(facilityId) });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onDone(saved);
    },
  });
  const errors = { ...serverFieldErrors(save.error, t), ...form.errors };
  const cannotContain = location ? descendantIds(all, location.id) : new Set<string>();
  const parents = all.filter((l) => !cannotContain.has(l.id) && l.kind !== 'cell');

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="location-form"
    >
      <Stack>
        {location && (
          <Select
            label={t('locations.parent')}
            data={[{ value: TOP, label: t('locations.topLevel') }, ...parents.map((l) => ({ value: l.id, label: `${l.path} · ${l.name}` }))]}
            value={v.parentId ?? TOP}
            onChange={(id) => form.set('parentId', !id || id === TOP ? null : id)}
            error={errors.parentId}
            searchable
            allowDeselect={false}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('locations.kind')}
            data={LOCATION_KINDS.map((k) => ({ value: k, label: t(`locations.kinds.${k}`) }))}
            value={v.kind}
            onChange={(k) => k && form.set('kind', k as LocationKind)}
            error={errors.kind}
            allowDeselect={false}
            name="kind"
          />
          <TextInput label={t('locations.code')} name="code" value={v.code} onChange={(e) => form.set('code', e.currentTarget.value)} error={errors.code} required maxLength={20} />
        </SimpleGrid>
        <TextInput label={t('locations.name')} name="name" value={v.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={errors.name} required maxLength={200} />
        {isCell && <CellFields values={v} onChange={form.patch} errors={errors} required={false} />}
        <ProblemAlert
          error={save.error}
          onReload={() => {
            save.reset();
            void queryClient.refetchQueries({ queryKey: facilityKeys.locations(facilityId) });
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="location-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
