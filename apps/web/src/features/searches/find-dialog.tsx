import { FileInput, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIND_CATEGORIES, RecordFindBody, type Find } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { searchesApi } from './searches-api.ts';

const asBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** Records a find of the search, with a photo if one was taken (its SHA-256 is kept on the server). */
export function FindDialog({ opened, onClose, searchId, onSaved }: { opened: boolean; onClose: () => void; searchId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<File | null>(null);
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('searches.find.add')}
      initial={{ category: 'phone-sim', description: '', quantity: 1 as number | string }}
      schema={RecordFindBody}
      toBody={(v) => ({ category: v.category, description: v.description, quantity: v.quantity === '' ? undefined : Number(v.quantity) })}
      submit={async (body) => {
        const find = await searchesApi.recordFind(searchId, body);
        if (photo) await searchesApi.addPhoto(find.id, { contentType: photo.type, data: await asBase64(photo) });
        return find;
      }}
      onSaved={(_f: Find) => {
        setPhoto(null);
        onSaved();
        onClose();
      }}
      testId="find-form"
    >
      {(form) => (
        <Stack gap="sm">
          <Select label={t('searches.fields.category')} data={FIND_CATEGORIES.map((c) => ({ value: c, label: t(`searches.categories.${c}`) }))} {...form.choice('category')} allowDeselect={false} data-testid="find-category" />
          <Textarea label={t('searches.fields.description')} autosize minRows={2} {...form.text('description')} data-testid="find-description" />
          <NumberInput label={t('searches.fields.quantity')} min={1} {...form.choice('quantity')} />
          <FileInput label={t('searches.fields.photo')} accept="image/jpeg,image/png,image/webp" value={photo} onChange={setPhoto} clearable data-testid="find-photo" />
        </Stack>
      )}
    </FormDialog>
  );
}
