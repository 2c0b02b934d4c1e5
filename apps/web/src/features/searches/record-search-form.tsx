import { MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordSearchBody, SEARCH_BASES, SEARCH_RESULTS, SEARCH_TYPES, type Search } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { searchesApi, searchKeys } from './searches-api.ts';
import { staffName } from './search-text.ts';

const PERSON = ['rub-down', 'full'];

/** Records a search (Mandela Rule 51): what or whom, why, who searched and witnessed it, and the result. */
export function RecordSearchDialog({ opened, onClose, facilityId, onSaved }: { opened: boolean; onClose: () => void; facilityId: string; onSaved: (s: Search) => void }) {
  const { t } = useTranslation();
  const [prisonerQuery, setPrisonerQuery] = useState('');
  const staff = useQuery({ queryKey: searchKeys.staff(facilityId), queryFn: () => searchesApi.staff(facilityId), enabled: opened });
  const places = useQuery({ queryKey: searchKeys.heatmap(facilityId), queryFn: () => searchesApi.heatmap(facilityId), enabled: opened });
  const found = useQuery({ queryKey: ['searches', 'prisoners', facilityId, prisonerQuery], queryFn: () => searchesApi.prisoners(facilityId, prisonerQuery), enabled: opened && prisonerQuery.trim().length >= 2 });
  const sexLabel = (sex: string | null) => (sex ? t(`searches.sex.${sex}`) : t('searches.sexUnknown'));
  const officers = (staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${staffName(s)} · ${sexLabel(s.sex)}` }));
  const option = (v: string, group: string) => ({ value: v, label: t(`searches.${group}.${v}`) });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('searches.record')}
      size="lg"
      initial={{ type: 'cell', basis: 'scheduled', reason: '', locationId: '', prisonerId: '', visitorName: '', visitorSex: '', vehicle: '', searcherIds: [] as string[], witnessIds: [] as string[], result: 'nothing-found', notes: '' }}
      schema={RecordSearchBody}
      toBody={(v) => {
        const person = PERSON.includes(v.type);
        return {
          facilityId,
          type: v.type,
          basis: v.basis,
          reason: v.reason,
          locationId: v.locationId || null,
          prisonerId: person && v.prisonerId ? v.prisonerId : null,
          visitorName: person && !v.prisonerId ? v.visitorName : '',
          visitorSex: person && !v.prisonerId && v.visitorSex ? v.visitorSex : null,
          vehicle: v.type === 'vehicle' ? v.vehicle : '',
          searcherIds: v.searcherIds,
          witnessIds: v.witnessIds,
          result: v.result,
          notes: v.notes,
        };
      }}
      submit={searchesApi.record}
      onSaved={(s) => {
        onSaved(s);
        onClose();
      }}
      problemFields={{ 'search-opposite-sex': { field: 'searcherIds' }, 'search-officer-sex-unknown': { field: 'searcherIds' }, 'search-place-required': { field: 'locationId' } }}
      testId="search-form"
    >
      {(form) => {
        const person = PERSON.includes(form.values.type);
        return (
          <Stack gap="sm">
            <Select label={t('searches.fields.type')} data={SEARCH_TYPES.map((v) => option(v, 'types'))} {...form.choice('type')} allowDeselect={false} data-testid="search-type" />
            {person && <Text size="sm">{t('searches.form.personHint')}</Text>}
            <Select label={t('searches.fields.basis')} data={SEARCH_BASES.map((v) => option(v, 'bases'))} {...form.choice('basis')} allowDeselect={false} />
            <Textarea label={t('searches.fields.reason')} autosize minRows={2} {...form.text('reason')} data-testid="search-reason" />
            <Select
              label={t('searches.fields.place')}
              searchable
              clearable
              data={(places.data?.items ?? []).filter((p) => (form.values.type === 'cell' ? p.kind === 'cell' : true)).map((p) => ({ value: p.id, label: `${p.path} · ${p.name}` }))}
              {...form.choice('locationId')}
              data-testid="search-place"
            />
            {person && (
              <>
                <Select
                  label={t('searches.fields.prisoner')}
                  searchable
                  clearable
                  onSearchChange={setPrisonerQuery}
                  nothingFoundMessage={t('searches.form.typeToFind')}
                  data={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.prisonNumber} · ${p.familyName} ${p.givenName}` }))}
                  {...form.choice('prisonerId')}
                  data-testid="search-prisoner"
                />
                {!form.values.prisonerId && (
                  <>
                    <TextInput label={t('searches.fields.visitorName')} {...form.text('visitorName')} />
                    <Select label={t('searches.fields.visitorSex')} data={['male', 'female'].map((v) => option(v, 'sex'))} {...form.choice('visitorSex')} />
                  </>
                )}
              </>
            )}
            {form.values.type === 'vehicle' && <TextInput label={t('searches.fields.vehicle')} {...form.text('vehicle')} />}
            <MultiSelect label={t('searches.fields.searchers')} searchable data={officers} {...form.choice('searcherIds')} data-testid="search-searchers" />
            <MultiSelect label={t('searches.fields.witnesses')} searchable data={officers} {...form.choice('witnessIds')} data-testid="search-witnesses" />
            <Select label={t('searches.fields.result')} data={SEARCH_RESULTS.map((v) => option(v, 'results'))} {...form.choice('result')} allowDeselect={false} data-testid="search-result" />
            <Textarea label={t('searches.fields.notes')} autosize minRows={2} {...form.text('notes')} />
          </Stack>
        );
      }}
    </FormDialog>
  );
}
