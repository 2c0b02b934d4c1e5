import { useMemo, useState } from 'react';
import { Button, Group, Select, SimpleGrid, TextInput, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionGroup } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { wallTimeToIso } from '../../i18n/dates.ts';
import { DateField } from '../../ui/form/date-field.tsx';
import { isDateValue } from '../../ui/form/date-text.ts';
import { emptyAuditFilters, type AuditFilters } from './audit-api.ts';
import { AUDIT_ENTITY_TYPES } from './audit-entity-types.ts';
import { useAuditTimeZone } from './audit-time-zone.ts';

/**
 * The actions by name, grouped by what they concern; each group starts with "All: <group>", a
 * prefix the server matches ("prisoner." finds every prisoner action).
 */
function useActionChoices(): ComboboxItemGroup<ComboboxItem>[] {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const action of AUDIT_ACTIONS) groups.set(auditActionGroup(action), [...(groups.get(auditActionGroup(action)) ?? []), action]);
    return [...groups].map(([group, actions]) => {
      const name = t(`audit.actionGroups.${group}`);
      return {
        group: name,
        items: [{ value: `${group}.`, label: t('audit.actionAll', { group: name }) }, ...actions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))],
      };
    });
    // i18n.language too: the names follow the interface language.
  }, [t, i18n.language]);
}

export function AuditFiltersForm({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [f, setF] = useState({ ...emptyAuditFilters });
  const actions = useActionChoices();
  const entityTypes = AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entityTypes.${type}`) }));
  // The times typed are read on the clock the table shows (named above it), not the browser's.
  const timeZone = useAuditTimeZone(f.facilityId);
  const set = (k: keyof AuditFilters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((old) => ({ ...old, [k]: value }));
  };
  const [timeErrors, setTimeErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const setTime = (k: 'from' | 'to') => (value: string) => {
    setF((old) => ({ ...old, [k]: value }));
    setTimeErrors((old) => ({ ...old, [k]: undefined }));
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A time that is not one would otherwise be dropped, and the list shown unfiltered as if asked for.
        const wrong = Object.fromEntries((['from', 'to'] as const).filter((k) => f[k] !== '' && !isDateValue(f[k], true)).map((k) => [k, t('fieldErrors.invalid')]));
        setTimeErrors(wrong);
        if (Object.keys(wrong).length > 0) return;
        onApply({ ...f, from: wallTimeToIso(f.from, timeZone), to: wallTimeToIso(f.to, timeZone) });
      }}
      data-testid="audit-filters"
    >
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} mb="sm">
        <TextInput label={t('audit.actor')} name="actor" value={f.actor} onChange={set('actor')} maxLength={100} />
        <Select
          label={t('audit.action')}
          name="action"
          data={actions}
          value={f.action || null}
          onChange={(action) => setF((old) => ({ ...old, action: action ?? '' }))}
          searchable
          clearable
          placeholder={t('audit.actionAny')}
          data-testid="audit-action-filter"
        />
        <Select
          label={t('audit.entityType')}
          name="entityType"
          data={entityTypes}
          value={f.entityType || null}
          onChange={(type) => setF((old) => ({ ...old, entityType: type ?? '' }))}
          searchable
          clearable
          placeholder={t('audit.entityTypeAny')}
          data-testid="audit-entity-type-filter"
        />
        <TextInput label={t('audit.entityId')} name="entityId" value={f.entityId} onChange={set('entityId')} maxLength={100} />
        <Select
          label={t('audit.facility')}
          data={session.facilities.map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` }))}
          value={f.facilityId}
          onChange={(id) => setF((old) => ({ ...old, facilityId: id }))}
          clearable
          placeholder={t('audit.anyFacility')}
        />
        <DateField withTime label={t('audit.from')} name="from" value={f.from} onChange={setTime('from')} error={timeErrors.from} />
        <DateField withTime label={t('audit.to')} name="to" value={f.to} onChange={setTime('to')} error={timeErrors.to} />
      </SimpleGrid>
      <Group gap="xs" mb="md">
        <Button type="submit" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setF({ ...emptyAuditFilters });
            setTimeErrors({});
            onApply({ ...emptyAuditFilters });
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
