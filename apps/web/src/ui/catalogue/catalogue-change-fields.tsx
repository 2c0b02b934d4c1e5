import { Group, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../form/date-field.tsx';

export interface CatalogueChangeValues {
  source: string;
  effectiveFrom: string;
}

/** Today in the browser's calendar, as an ISO day (the form's value). */
export const todayInput = () => new Date().toLocaleDateString('sv-SE');

export const emptyCatalogueChange = (): CatalogueChangeValues => ({ source: '', effectiveFrom: todayInput() });

/**
 * What every change to a configuration catalogue states besides its content: the source it
 * follows (a law, an order, an SOP) and the day it takes effect. Used by every catalogue's form.
 */
export function CatalogueChangeFields({ value, onChange, errors }: { value: CatalogueChangeValues; onChange: (v: CatalogueChangeValues) => void; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" grow wrap="wrap" data-testid="catalogue-change-fields">
      <Textarea
        label={t('catalogue.source')}
        description={t('catalogue.sourceHelp')}
        name="source"
        value={value.source}
        onChange={(e) => onChange({ ...value, source: e.currentTarget.value })}
        error={errors.source}
        required
        maxLength={500}
        autosize
        minRows={1}
      />
      <DateField
        label={t('catalogue.effectiveFrom')}
        description={t('catalogue.effectiveFromHelp')}
        name="effectiveFrom"
        value={value.effectiveFrom}
        min={todayInput()}
        onChange={(effectiveFrom) => onChange({ ...value, effectiveFrom })}
        error={errors.effectiveFrom}
        required
      />
    </Group>
  );
}
