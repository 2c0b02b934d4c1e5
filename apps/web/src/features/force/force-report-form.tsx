import { useState } from 'react';
import { ActionIcon, Button, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateForceReportBody, INJURED_PERSONS, UpdateForceReportBody, type ForceReport, type PrisonerSummary } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { wallTimeToIso } from '../../i18n/dates.ts';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';
import { forceApi, forceKeys, personName } from './force-api.ts';
import { nameIn } from './force-parts.tsx';

interface Use {
  prisonerId: string;
  technique: string;
  appliedAt: string;
  removedAt: string;
}
interface Injury {
  person: string;
  prisonerId: string;
  staffId: string;
  name: string;
  description: string;
}

/** An instant as the form's wall time on the facility's clock ('YYYY-MM-DDTHH:mm'). */
function wallTime(at: string | null | undefined, timeZone: string): string {
  if (!at) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const emptyUse = (prisonerId = ''): Use => ({ prisonerId, technique: '', appliedAt: '', removedAt: '' });

function initialOf(report: ForceReport | null, timeZone: string) {
  const at = (s: string | null | undefined) => wallTime(s, timeZone);
  return {
    prisonerIds: report?.prisoners.map((p) => p.id) ?? ([] as string[]),
    startedAt: at(report?.startedAt),
    endedAt: at(report?.endedAt),
    location: report?.location ?? '',
    reason: report?.reason.code ?? '',
    account: report?.account ?? '',
    authorisedById: report?.authorisedBy.id ?? '',
    staffIds: report?.staff.map((s) => s.id) ?? ([] as string[]),
    uses: report?.uses.map((u) => ({ prisonerId: u.prisonerId, technique: u.technique.code, appliedAt: at(u.appliedAt), removedAt: at(u.removedAt) })) ?? [emptyUse()],
    injuries: report?.injuryList.map((i) => ({ person: i.person, prisonerId: i.prisonerId ?? '', staffId: i.staffId ?? '', name: i.name ?? '', description: i.description })) ?? ([] as Injury[]),
    medicalBy: report?.medical?.by ?? '',
    medicalAt: at(report?.medical?.at),
    medicalFindings: report?.medical?.findings ?? '',
    footage: report?.footage ?? '',
    submit: true,
  };
}
type Values = ReturnType<typeof initialOf>;

/**
 * The use-of-force report at tablet width: who, why (a reason from the list: never a punishment,
 * Mandela Rule 43(2)), who authorised it, each technique or restraint with its start and stop
 * (Rules 47–48), injuries, the medical check and where the footage is. Times are the facility's
 * wall clock. A prohibited restraint is refused by the server with the rule it breaks (Rule 47).
 */
export function ForceReportForm({
  facilityId,
  timeZone,
  report,
  incidentId = null,
  onSaved,
}: {
  facilityId: string;
  timeZone: string;
  report: ForceReport | null;
  /** The incident a new report is made for (a draft keeps its own). */
  incidentId?: string | null;
  onSaved: (r: ForceReport) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const techniques = useQuery({ queryKey: forceKeys.techniques, queryFn: forceApi.techniques });
  const reasons = useQuery({ queryKey: forceKeys.reasons, queryFn: forceApi.reasons });
  const staff = useQuery({ queryKey: forceKeys.staff(facilityId), queryFn: () => forceApi.staff(facilityId) });
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(report?.prisoners.map((p) => [p.id, `${personName(p)} · ${p.prisonNumber}`]) ?? []));

  const iso = (s: string) => (s ? wallTimeToIso(s, timeZone) || s : '');
  const toBody = (v: Values) => {
    const medical = v.medicalBy || v.medicalAt || v.medicalFindings ? { by: v.medicalBy, at: iso(v.medicalAt), findings: v.medicalFindings } : null;
    return {
      facilityId,
      prisonerIds: v.prisonerIds,
      startedAt: iso(v.startedAt),
      endedAt: v.endedAt ? iso(v.endedAt) : null,
      location: v.location,
      reason: v.reason,
      account: v.account,
      authorisedById: v.authorisedById,
      staffIds: v.staffIds,
      uses: v.uses.map((u) => ({ prisonerId: u.prisonerId, technique: u.technique, appliedAt: iso(u.appliedAt), removedAt: u.removedAt ? iso(u.removedAt) : null })),
      injuries: v.injuries.map((i) => ({ person: i.person, prisonerId: i.person === 'prisoner' ? i.prisonerId || null : null, staffId: i.person === 'staff' ? i.staffId || null : null, name: i.name, description: i.description })),
      medical,
      footage: v.footage,
      incidentId: report ? report.incidentId : incidentId,
      submit: v.submit,
      ...(report ? { version: report.version } : {}),
    };
  };

  const techniqueOptions = (['restraint', 'technique'] as const).map((kind) => ({
    group: t(`force.kind.${kind}`),
    items: (techniques.data?.items ?? [])
      .filter((x) => x.kind === kind)
      .map((x) => ({ value: x.code, label: x.allowed ? nameIn(x.names, i18n.language) : t('force.form.prohibitedOption', { name: nameIn(x.names, i18n.language) }) })),
  }));
  const staffOptions = (staff.data?.items ?? []).map((s) => ({ value: s.id, label: personName(s) }));

  return (
    <>
      <QueryState isPending={techniques.isPending || reasons.isPending || staff.isPending} error={techniques.error ?? reasons.error ?? staff.error} />
      {techniques.data && reasons.data && staff.data && (
        <ContractForm
          initial={initialOf(report, timeZone)}
          schema={report ? UpdateForceReportBody : CreateForceReportBody}
          toBody={toBody}
          submit={(body) => (report ? forceApi.update(report.id, body as never) : forceApi.create(body))}
          onSaved={(saved) => {
            void queryClient.invalidateQueries({ queryKey: forceKeys.all });
            onSaved(saved);
          }}
          submitLabel={t('force.form.save')}
          testId="force-report-form"
        >
          {(form) => {
            const v = form.values;
            const prisonerOptions = v.prisonerIds.map((id) => ({ value: id, label: known.get(id) ?? id }));
            const setUse = (i: number, field: keyof Use, value: string) => form.set('uses', v.uses.map((u, j) => (j === i ? { ...u, [field]: value } : u)));
            const setInjury = (i: number, field: keyof Injury, value: string) => form.set('injuries', v.injuries.map((u, j) => (j === i ? { ...u, [field]: value } : u)));
            const err = (path: string) => form.errors[path];
            return (
              <>
                <Fieldset legend={t('force.form.who')}>
                  <Stack gap="xs">
                    <PrisonerAdder
                      error={err('prisonerIds')}
                      exclude={v.prisonerIds}
                      onAdd={(p) => {
                        setKnown((m) => new Map(m).set(p.id, `${nameOwnScript(p)} · ${p.prisonNumber}`));
                        form.patch({ prisonerIds: [...v.prisonerIds, p.id], uses: v.uses.map((u) => (u.prisonerId ? u : { ...u, prisonerId: p.id })) });
                      }}
                    />
                    <Group gap="xs" data-testid="force-prisoners">
                      {prisonerOptions.map((p) => (
                        <Button key={p.value} size="xs" variant="light" rightSection="×" aria-label={t('force.form.removePrisoner', { name: p.label })} onClick={() => form.set('prisonerIds', v.prisonerIds.filter((id) => id !== p.value))}>
                          {p.label}
                        </Button>
                      ))}
                    </Group>
                  </Stack>
                </Fieldset>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <DateField withTime label={t('force.form.startedAt')} {...form.choice('startedAt')} data-testid="force-started" />
                  <DateField withTime label={t('force.form.endedAt')} description={t('force.form.endedAtHelp')} {...form.choice('endedAt')} required={false} data-testid="force-ended" />
                  <Select label={t('force.form.reason')} description={t('force.form.reasonHelp')} data={reasons.data.items.map((r) => ({ value: r.code, label: nameIn(r.names, i18n.language) }))} {...form.choice('reason')} allowDeselect={false} data-testid="force-reason" />
                  <TextInput label={t('force.form.location')} {...form.text('location')} maxLength={300} />
                  <Select label={t('force.form.authorisedBy')} data={staffOptions} searchable {...form.choice('authorisedById')} data-testid="force-authorised-by" />
                  <MultiSelect label={t('force.form.staff')} data={staffOptions} searchable {...form.choice('staffIds')} data-testid="force-staff" />
                </SimpleGrid>
                <Textarea label={t('force.form.account')} description={t('force.form.accountHelp')} {...form.text('account')} autosize minRows={3} maxLength={8000} data-testid="force-account" />
                <Fieldset legend={t('force.form.uses')} data-testid="force-uses">
                  <Stack gap="sm">
                    {v.uses.map((u, i) => (
                      <Group key={i} align="flex-end" gap="xs" wrap="nowrap" data-testid="force-use">
                        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                          <Select label={t('force.form.usePrisoner')} data={prisonerOptions} value={u.prisonerId || null} onChange={(x) => setUse(i, 'prisonerId', x ?? '')} error={err(`uses.${i}.prisonerId`)} required />
                          <Select label={t('force.form.technique')} data={techniqueOptions} value={u.technique || null} onChange={(x) => setUse(i, 'technique', x ?? '')} error={err(`uses.${i}.technique`)} required data-testid="force-technique" />
                          <DateField withTime label={t('force.form.appliedAt')} value={u.appliedAt} onChange={(x) => setUse(i, 'appliedAt', x)} error={err(`uses.${i}.appliedAt`)} required data-testid="force-applied" />
                          <DateField withTime label={t('force.form.removedAt')} value={u.removedAt} onChange={(x) => setUse(i, 'removedAt', x)} error={err(`uses.${i}.removedAt`)} data-testid="force-removed" />
                        </SimpleGrid>
                        <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('force.form.removeUse', { n: i + 1 })} disabled={v.uses.length === 1} onClick={() => form.set('uses', v.uses.filter((_, j) => j !== i))}>
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                    <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => form.set('uses', [...v.uses, emptyUse(v.prisonerIds[0])])} data-testid="force-add-use">
                      {t('force.form.addUse')}
                    </Button>
                  </Stack>
                </Fieldset>
                <Fieldset legend={t('force.form.injuries')} data-testid="force-injuries">
                  <Stack gap="sm">
                    {v.injuries.length === 0 && <Text size="sm">{t('force.form.noInjuries')}</Text>}
                    {v.injuries.map((inj, i) => (
                      <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                          <Select label={t('force.form.injured')} data={INJURED_PERSONS.map((p) => ({ value: p, label: t(`force.person.${p}`) }))} value={inj.person} onChange={(x) => setInjury(i, 'person', x ?? 'prisoner')} allowDeselect={false} />
                          {inj.person === 'prisoner' && <Select label={t('force.form.usePrisoner')} data={prisonerOptions} value={inj.prisonerId || null} onChange={(x) => setInjury(i, 'prisonerId', x ?? '')} error={err(`injuries.${i}.prisonerId`)} />}
                          {inj.person === 'staff' && <Select label={t('force.form.injuredStaff')} data={staffOptions} searchable value={inj.staffId || null} onChange={(x) => setInjury(i, 'staffId', x ?? '')} error={err(`injuries.${i}.staffId`)} />}
                          {inj.person === 'other' && <TextInput label={t('force.form.injuredName')} value={inj.name} onChange={(e) => setInjury(i, 'name', e.currentTarget.value)} maxLength={200} />}
                          <Textarea label={t('force.form.injuryDescription')} value={inj.description} onChange={(e) => setInjury(i, 'description', e.currentTarget.value)} error={err(`injuries.${i}.description`)} required autosize maxLength={2000} style={{ gridColumn: '1 / -1' }} />
                        </SimpleGrid>
                        <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('force.form.removeInjury', { n: i + 1 })} onClick={() => form.set('injuries', v.injuries.filter((_, j) => j !== i))}>
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                    <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => form.set('injuries', [...v.injuries, { person: 'prisoner', prisonerId: v.prisonerIds[0] ?? '', staffId: '', name: '', description: '' }])}>
                      {t('force.form.addInjury')}
                    </Button>
                  </Stack>
                </Fieldset>
                <Fieldset legend={t('force.form.medical')}>
                  <Stack gap="xs">
                    <Text size="sm">{t('force.form.medicalHelp')}</Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label={t('force.form.medicalBy')} {...form.text('medicalBy')} error={err('medical.by')} maxLength={200} data-testid="force-medical-by" />
                      <DateField withTime label={t('force.form.medicalAt')} {...form.choice('medicalAt')} error={err('medical.at')} data-testid="force-medical-at" />
                    </SimpleGrid>
                    <Textarea label={t('force.form.medicalFindings')} {...form.text('medicalFindings')} error={err('medical.findings')} autosize maxLength={2000} data-testid="force-medical-findings" />
                  </Stack>
                </Fieldset>
                <TextInput label={t('force.form.footage')} description={t('force.form.footageHelp')} {...form.text('footage')} maxLength={500} />
                <Switch label={t('force.form.submit')} description={t('force.form.submitHelp')} {...form.checkbox('submit')} data-testid="force-submit" />
              </>
            );
          }}
        </ContractForm>
      )}
    </>
  );
}

/** Finds a prisoner by the prisoners screen's search (any script, prison number) and adds them. */
function PrisonerAdder({ onAdd, exclude, error }: { onAdd: (p: PrisonerSummary) => void; exclude: string[]; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const hits = useQuery({
    queryKey: ['prisoners', 'picker', q],
    queryFn: () => api.get<Items<PrisonerSummary>>(withQuery('/api/v1/prisoners', { q, limit: 20 })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const found = (q.length >= 2 ? (hits.data?.items ?? []) : []).filter((p) => !exclude.includes(p.id));
  return (
    <Select
      label={t('force.form.prisoners')}
      placeholder={t('force.form.prisonerSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      onChange={(id) => {
        const p = found.find((x) => x.id === id);
        if (p) onAdd(p);
        setSearch('');
      }}
      data={found.map((p) => ({ value: p.id, label: `${nameOwnScript(p)} · ${p.prisonNumber}` }))}
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 ? t('force.form.prisonerNone') : t('force.form.prisonerTypeMore')}
      error={error}
      required
      data-testid="force-prisoner-search"
    />
  );
}
