import { useState } from 'react';
import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListField } from '../../prisoners/file-fields/list-field.tsx';
import { StepFrame, useStepSave, type StepProps } from '../step-frame.tsx';

interface ItemDraft {
  description: string;
  quantity: number | string;
  storage: string;
  sealNumber: string;
}
const blankItem = (): ItemDraft => ({ description: '', quantity: 1, storage: 'stored', sealNumber: '' });

/** Step 5: what the person brought, kept in the cell or stored (returned at release), signed off. */
export function PropertyStep({ intake, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ItemDraft[]>(() => (intake.data.property ?? []).map((p) => ({ description: p.description, quantity: p.quantity, storage: p.storage, sealNumber: p.sealNumber ?? '' })));
  const [signedOff, setSignedOff] = useState(intake.data.propertySignedOff ?? false);
  const s = useStepSave(intake, onSaved);
  const body = items.map((i) => ({ description: i.description || undefined, quantity: i.quantity === '' ? undefined : Number(i.quantity), storage: i.storage, sealNumber: i.sealNumber }));
  const err = (path: string) => s.errors[`property.${path}`];

  return (
    <StepFrame
      step="property"
      intake={intake}
      title={t('reception.steps.property')}
      help={t('reception.property.help')}
      onSave={(advance) => s.save({ property: body, propertySignedOff: signedOff }, advance)}
      onBack={onBack}
      save={s}
    >
      <Stack>
        <ListField
          legend={t('reception.property.items')}
          items={items}
          onChange={setItems}
          blank={blankItem}
          addLabel={t('reception.property.add')}
          testId="property"
          max={100}
          render={(item, setItem, i) => (
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label={t('reception.property.description')} name={`property.${i}.description`} value={item.description} onChange={(e) => setItem({ description: e.currentTarget.value })} error={err(`${i}.description`)} required maxLength={200} />
              <NumberInput label={t('reception.property.quantity')} name={`property.${i}.quantity`} value={item.quantity} onChange={(n) => setItem({ quantity: n })} error={err(`${i}.quantity`)} min={1} max={1000} allowDecimal={false} allowNegative={false} required />
              <NativeSelect
                label={t('reception.property.storage')}
                name={`property.${i}.storage`}
                data={[
                  { value: 'in-cell', label: t('reception.property.inCell') },
                  { value: 'stored', label: t('reception.property.stored') },
                ]}
                value={item.storage}
                onChange={(e) => setItem({ storage: e.currentTarget.value })}
                error={err(`${i}.storage`)}
              />
              <TextInput label={t('reception.property.sealNumber')} value={item.sealNumber} onChange={(e) => setItem({ sealNumber: e.currentTarget.value })} error={err(`${i}.sealNumber`)} maxLength={40} />
            </SimpleGrid>
          )}
        />
        <Checkbox label={t('reception.property.signedOff')} description={t('reception.property.signedOffHelp')} name="propertySignedOff" checked={signedOff} onChange={(e) => setSignedOff(e.currentTarget.checked)} data-testid="property-signed-off" />
      </Stack>
    </StepFrame>
  );
}
