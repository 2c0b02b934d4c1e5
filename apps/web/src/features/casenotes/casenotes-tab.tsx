import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateCaseNoteBody, type CaseNote, type Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { casenoteKeys, casenotesApi, inLanguage, staffName } from './casenotes-api.ts';
import { KeyWorkerPanel } from './key-worker-panel.tsx';

/** The prisoner file's "Case notes" tab: the key worker and their sessions, then the notes, newest first. */
export function CaseNotesTab({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const notes = useQuery({ queryKey: casenoteKeys.notes(prisoner.id), queryFn: () => casenotesApi.notes(prisoner.id) });
  // null: closed; 'new': a new note; a note: its correction.
  const [writing, setWriting] = useState<'new' | CaseNote | null>(null);
  const items = notes.data?.items ?? [];
  const mayWrite = can('casenotes.write');

  return (
    <Stack data-testid="casenotes-tab">
      <KeyWorkerPanel prisoner={prisoner} />
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('casenotes.title')}
        </Title>
        {mayWrite && (
          <Button onClick={() => setWriting('new')} data-testid="add-note">
            {t('casenotes.add')}
          </Button>
        )}
      </Group>
      <QueryState isPending={notes.isPending} error={notes.error} />
      {notes.data && items.length === 0 && <Text>{t('casenotes.none')}</Text>}
      {items.map((n) => (
        <NoteCard key={n.id} note={n} prisoner={prisoner} all={items} onCorrect={mayWrite && !n.correctedBy ? () => setWriting(n) : null} />
      ))}
      {writing && <NoteDialog prisoner={prisoner} correcting={writing === 'new' ? null : writing} onClose={() => setWriting(null)} />}
    </Stack>
  );
}

function NoteCard({ note, prisoner, all, onCorrect }: { note: CaseNote; prisoner: Prisoner; all: CaseNote[]; onCorrect: (() => void) | null }) {
  const { t, i18n } = useTranslation();
  const zone = useFacilityTimeZone(prisoner.facilityId);
  const when = (n: CaseNote) => formatTimestamp(n.createdAt, i18n.language, zone);
  const corrected = all.find((n) => n.id === note.corrects);
  return (
    <Paper withBorder p="sm" data-testid="casenote" data-type={note.type.code} data-sensitivity={note.sensitivity}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="xs">
          <Badge variant="filled" color="blue.9" styles={{ label: { overflow: 'visible' } }}>
            {inLanguage(note.type.names, i18n.language)}
          </Badge>
          {note.sensitivity === 'sensitive' && (
            <Badge color="red.9" variant="filled">
              {t('casenotes.sensitivity.sensitive')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t('casenotes.byOn', { name: staffName(note.author), when: when(note) })}
          </Text>
        </Group>
        {onCorrect && (
          <Button size="xs" variant="default" onClick={onCorrect} data-testid="correct-note">
            {t('casenotes.correct')}
          </Button>
        )}
      </Group>
      <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {note.text}
      </Text>
      {note.corrects && (
        <Text size="sm" c="dimmed" mt="xs">
          {corrected ? t('casenotes.correctsOf', { when: when(corrected) }) : t('casenotes.correctsEarlier')}
        </Text>
      )}
      {note.correctedBy && (
        <Text size="sm" c="orange.9" mt="xs">
          {t('casenotes.correctedLater')}
        </Text>
      )}
    </Paper>
  );
}

/** Writes a note, or a correction of one: type, sensitivity (offered only to those who may read sensitive notes) and text. */
function NoteDialog({ prisoner, correcting, onClose }: { prisoner: Prisoner; correcting: CaseNote | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: casenoteKeys.types, queryFn: casenotesApi.types });
  const maySensitive = can('casenotes.sensitive');
  const options = (types.data?.items ?? []).map((ty) => ({ value: ty.code, label: inLanguage(ty.names, i18n.language)! }));
  const sensitivities = (['normal', 'sensitive'] as const).map((s) => ({ value: s, label: t(`casenotes.sensitivity.${s}`) }));
  const defaultOf = (code: string) => types.data?.items.find((ty) => ty.code === code)?.defaultSensitivity ?? 'normal';
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={correcting ? t('casenotes.correctTitle') : t('casenotes.add')}
      initial={{ type: correcting?.type.code ?? '', sensitivity: correcting?.sensitivity ?? 'normal', text: '' }}
      schema={CreateCaseNoteBody}
      toBody={(v) => ({ ...v, corrects: correcting?.id })}
      submit={(body) => casenotesApi.write(prisoner.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: casenoteKeys.notes(prisoner.id) });
        void queryClient.invalidateQueries({ queryKey: casenoteKeys.timeline(prisoner.id) });
        onClose();
      }}
      submitLabel={t('casenotes.save')}
      testId="note-form"
    >
      {(form) => (
        <>
          {correcting && <Text size="sm">{t('casenotes.correctHelp')}</Text>}
          <Select
            label={t('casenotes.fields.type')}
            data={options}
            {...form.choice('type')}
            value={form.values.type || null}
            onChange={(code) => form.patch({ type: code ?? '', sensitivity: maySensitive && code ? defaultOf(code) : form.values.sensitivity })}
            allowDeselect={false}
            data-testid="note-type"
            data-autofocus
          />
          {maySensitive && (
            <Select
              label={t('casenotes.fields.sensitivity')}
              description={t('casenotes.sensitivityHelp')}
              data={sensitivities}
              {...form.choice('sensitivity')}
              allowDeselect={false}
              data-testid="note-sensitivity"
            />
          )}
          <Textarea label={t('casenotes.fields.text')} {...form.text('text')} maxLength={8000} autosize minRows={4} data-testid="note-text" />
        </>
      )}
    </FormDialog>
  );
}
