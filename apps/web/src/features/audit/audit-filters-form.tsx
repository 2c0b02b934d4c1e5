import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { emptyAuditFilters, type AuditFilters } from './audit-api.ts';

/** `datetime-local` gives local wall time without a zone; the API wants ISO 8601 with an offset. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');

export function AuditFiltersForm({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [f, setF] = useState({ ...emptyAuditFilters });
  const set = (k: keyof AuditFilters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((old) => ({ ...old, [k]: value }));
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...f, from: toIso(f.from), to: toIso(f.to) });
      }}
      data-testid="audit-filters"
    >
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} mb="sm">
        <TextInput label={t('audit.actor')} name="actor" value={f.actor} onChange={set('actor')} maxLength={100} />
        <TextInput label={t('audit.action')} name="action" placeholder="location.created" value={f.action} onChange={set('action')} maxLength={100} />
        <TextInput label={t('audit.entityType')} name="entityType" placeholder="location" value={f.entityType} onChange={set('entityType')} maxLength={50} />
        <TextInput label={t('audit.entityId')} name="entityId" value={f.entityId} onChange={set('entityId')} maxLength={100} />
        <Select
          label={t('audit.facility')}
          data={session.facilities.map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` }))}
          value={f.facilityId}
          onChange={(id) => setF((old) => ({ ...old, facilityId: id }))}
          clearable
          placeholder={t('audit.anyFacility')}
        />
        <TextInput label={t('audit.from')} type="datetime-local" value={f.from} onChange={set('from')} />
        <TextInput label={t('audit.to')} type="datetime-local" value={f.to} onChange={set('to')} />
      </SimpleGrid>
      <Group gap="xs" mb="md">
        <Button type="submit" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setF({ ...emptyAuditFilters });
            onApply({ ...emptyAuditFilters });
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
