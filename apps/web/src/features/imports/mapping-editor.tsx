import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from '@vigil/contracts';

/** Two mappings that read the same columns into the same fields. */
export function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  return IMPORT_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

/** A full-name column stands in for the family and given names. */
const isRequired = (field: ImportField, mapping: ImportMapping) =>
  REQUIRED_IMPORT_FIELDS.includes(field) && !((field === 'familyName' || field === 'givenName') && mapping.fullName);

/** One choice per file field: which column of the register it is read from, or none. */
export function MappingEditor({ headers, mapping, onChange }: { headers: string[]; mapping: ImportMapping; onChange: (m: ImportMapping) => void }) {
  const { t } = useTranslation();
  const used = new Set(Object.values(mapping).filter(Boolean));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="import-mapping">
      {IMPORT_FIELDS.map((field) => {
        const current = mapping[field] ?? null;
        return (
          <Select
            key={field}
            label={t(`imports.fields.${field}`)}
            placeholder={t('imports.notImported')}
            // Each column serves one field: columns taken elsewhere are offered, but marked.
            data={headers.map((h) => ({ value: h, label: used.has(h) && h !== current ? `${h} ✓` : h }))}
            value={current}
            onChange={(value) => onChange({ ...mapping, [field]: value })}
            clearable
            searchable
            withAsterisk={isRequired(field, mapping)}
            data-testid={`map-${field}`}
            comboboxProps={{ withinPortal: true }}
          />
        );
      })}
    </SimpleGrid>
  );
}
