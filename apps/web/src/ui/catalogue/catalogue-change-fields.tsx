import { Group, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface CatalogueChangeValues {
  source: string;
  effectiveFrom: string;
}

/** Today in the browser's calendar, as the date input wants it. */
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
      <TextInput
        type="date"
        label={t('catalogue.effectiveFrom')}
        description={t('catalogue.effectiveFromHelp')}
        name="effectiveFrom"
        value={value.effectiveFrom}
        min={todayInput()}
        onChange={(e) => onChange({ ...value, effectiveFrom: e.currentTarget.value })}
        error={errors.effectiveFrom}
        required
      />
    </Group>
  );
}
