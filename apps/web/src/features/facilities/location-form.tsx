import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateLocationBody, LOCATION_KINDS, UpdateLocationBody, type Location, type LocationKind } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { facilityKeys, locationsApi } from './facilities-api.ts';
import { CellFields, numberOrNull } from './location-fields.tsx';
import { descendantIds, suggestedChildKind } from './location-tree-model.ts';

interface Props {
  opened: boolean;
  facilityId: string;
  /** Every location of the facility (to choose a new parent when editing). */
  all: readonly Location[];
  /** Where a new place goes (null: top level). Ignored when editing. */
  parent?: Location | null;
  location?: Location;
  title: string;
  onClose: () => void;
  onSaved: (saved: Location) => void;
}

const TOP = '__top__';

const fromLocation = (location: Location | undefined, parent: Location | null) => ({
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
type Values = ReturnType<typeof fromLocation>;

const toFields = (v: Values) => ({ ...v, baselineCapacity: numberOrNull(v.baselineCapacity), operationalCapacity: numberOrNull(v.operationalCapacity) });

/**
 * Adds a place (inside `parent`) or edits one, sending the version it was loaded at. After a
 * conflict "reload" refetches the places; the panel passes the newer record and the form starts from it.
 */
export function LocationDialog({ opened, facilityId, all, parent = null, location, title, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: facilityKeys.locations(facilityId) });
  const common = {
    opened,
    onClose,
    title,
    initial: fromLocation(location, parent),
    onSaved: (saved: Location) => {
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onSaved(saved);
    },
    testId: 'location-form',
  };

  return location ? (
    <FormDialog
      {...common}
      formKey={location.version}
      schema={UpdateLocationBody}
      toBody={(v) => ({ ...toFields(v), version: location.version })}
      submit={(body) => locationsApi.update(location.id, body)}
      onReload={() => void queryClient.refetchQueries({ queryKey: facilityKeys.locations(facilityId) })}
    >
      {(form) => <LocationFields form={form} all={all} location={location} />}
    </FormDialog>
  ) : (
    <FormDialog {...common} schema={CreateLocationBody} toBody={toFields} submit={(body) => locationsApi.create(facilityId, body)}>
      {(form) => <LocationFields form={form} all={all} />}
    </FormDialog>
  );
}

function LocationFields({ form, all, location }: { form: FormBinder<Values>; all: readonly Location[]; location?: Location }) {
  const { t } = useTranslation();
  // A place cannot move inside itself or what it holds, nor inside a cell.
  const cannotContain = location ? descendantIds(all, location.id) : new Set<string>();
  const parents = all.filter((l) => !cannotContain.has(l.id) && l.kind !== 'cell');
  return (
    <>
      {location && (
        <Select
          label={t('locations.parent')}
          data={[{ value: TOP, label: t('locations.topLevel') }, ...parents.map((l) => ({ value: l.id, label: `${l.path} · ${l.name}` }))]}
          {...form.choice('parentId')}
          value={form.values.parentId ?? TOP}
          onChange={(id) => form.set('parentId', !id || id === TOP ? null : id)}
          searchable
          allowDeselect={false}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('locations.kind')}
          data={LOCATION_KINDS.map((k) => ({ value: k, label: t(`locations.kinds.${k}`) }))}
          {...form.choice('kind')}
          onChange={(k) => k && form.set('kind', k as LocationKind)}
          allowDeselect={false}
        />
        <TextInput label={t('locations.code')} {...form.text('code')} maxLength={20} />
      </SimpleGrid>
      <TextInput label={t('locations.name')} {...form.text('name')} maxLength={200} />
      {form.values.kind === 'cell' && <CellFields values={form.values} onChange={form.patch} errors={form.errors} required={false} />}
    </>
  );
}
