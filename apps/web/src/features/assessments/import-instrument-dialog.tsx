import { useState } from 'react';
import { Alert, FileInput, List, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ImportInstrumentBody } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { readRefusal } from '../../ui/form/refusal.ts';
import type { FormBinder } from '../../ui/use-form.ts';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { instrumentFaults, readInstrumentFile, withinLimit } from './instrument-file.ts';

interface Values extends Record<string, unknown> {
  /** The chosen file's JSON; absent until a readable file is chosen. */
  definition: unknown;
  source: string;
  /** Empty: the server's today. */
  effectiveFrom: string;
}

// The server checks the definition itself (422 with every fault); here only that a file was read.
const ClientBody = ImportInstrumentBody.extend({ definition: z.record(z.string(), z.unknown()) });

/** Refusals this dialog says in its own words, above the fields, instead of beside fields it does not have. */
const SAID_ABOVE = new Set(['instrument-invalid', 'payload-too-large']);
const saidAbove = (error: unknown) => error instanceof ApiProblem && SAID_ABOVE.has(error.code);

/**
 * Loads an instrument from its JSON file (docs/assessments.md): a new code, or the next version of
 * one. A file over 2 MB or not JSON is refused before sending; a malformed definition comes back
 * with every fault, listed with its place in the file so it can be corrected in one go.
 */
export function ImportInstrumentDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The definition last read, to name its faults in the reader's language when the server refuses it.
  const [chosen, setChosen] = useState<unknown>(undefined);
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('instruments.import.title')}
      initial={{ definition: undefined, source: '', effectiveFrom: '' } satisfies Values as Values}
      schema={ClientBody}
      toBody={(v) => ({ definition: v.definition, source: v.source, effectiveFrom: v.effectiveFrom || undefined })}
      submit={assessmentsApi.importInstrument}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: assessmentKeys.instruments });
        onClose();
      }}
      submitLabel={t('instruments.import.submit')}
      testId="instrument-import-form"
      readRefusal={(error) => (saidAbove(error) ? { fieldErrors: {}, alert: null } : readRefusal(error, t, { 'catalogue-effective-date': { field: 'effectiveFrom' } }))}
      aboveFields={(error) => <ImportRefusal error={error} definition={chosen} />}
    >
      {(form) => (
        <>
          <Text size="sm">{t('instruments.import.intro')}</Text>
          <InstrumentFileField form={form} onRead={setChosen} />
          <Textarea label={t('catalogue.source')} description={t('instruments.import.sourceHelp')} {...form.text('source')} required maxLength={500} autosize minRows={1} />
          <DateField label={t('catalogue.effectiveFrom')} description={t('instruments.import.effectiveFromHelp')} {...form.choice('effectiveFrom')} />
        </>
      )}
    </FormDialog>
  );
}

function InstrumentFileField({ form, onRead }: { form: FormBinder<Values>; onRead: (definition: unknown) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const choose = async (next: File | null) => {
    setFile(next);
    // A file over the limit is refused by its size, without reading it.
    const read = next ? readInstrumentFile(next, withinLimit(next.size) ? await next.text() : '', t) : { definition: undefined };
    setProblem(read.problem);
    onRead(read.definition);
    form.patch({ definition: read.definition });
  };
  return (
    <FileInput
      label={t('instruments.import.file')}
      description={t('instruments.import.fileHelp')}
      accept=".json,application/json"
      value={file}
      onChange={(next) => void choose(next)}
      error={problem ?? form.errors.definition}
      required
      clearable
      clearButtonProps={{ 'aria-label': t('instruments.import.clearFile') }}
      data-testid="instrument-file"
    />
  );
}

/** The server's refusal of the file: every fault at its place, or that the request was over the limit. */
function ImportRefusal({ error, definition }: { error: unknown; definition: unknown }) {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ApiProblem) || !SAID_ABOVE.has(error.code)) return null;
  if (error.code === 'payload-too-large')
    return (
      <Alert color="red" variant="outline" role="alert" title={error.problem.title} data-testid="instrument-too-large">
        {t('instruments.import.serverTooLarge')}
      </Alert>
    );
  const faults = instrumentFaults(error.problem, definition, i18n.language, t);
  return (
    <Alert color="red" variant="outline" role="alert" title={error.problem.title} data-testid="instrument-faults">
      <Text size="sm" mb="xs">
        {t('instruments.import.faultsIntro')}
      </Text>
      <List size="sm" spacing={4}>
        {faults.map((f, i) => (
          <List.Item key={i} data-testid="instrument-fault">
            <code>{f.where}</code>: {f.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
