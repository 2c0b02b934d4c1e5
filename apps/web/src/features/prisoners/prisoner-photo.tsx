import { Avatar, Button, FileButton, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { nameOwnScript } from './prisoner-format.ts';
import { photoUrl, prisonerKeys, prisonersApi } from './prisoners-api.ts';

/** The photograph (Mandela Rule 7), with an upload button for reception staff. */
export function PrisonerPhoto({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => prisonersApi.uploadPhoto(prisoner.id, file),
    onSuccess: (saved) => {
      queryClient.setQueryData(prisonerKeys.one(prisoner.id), saved);
      void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
    },
  });
  return (
    <Stack gap="xs" align="center" w={140}>
      <Avatar
        src={prisoner.hasPhoto ? photoUrl(prisoner) : null}
        alt={prisoner.hasPhoto ? t('prisoners.photoOf', { name: nameOwnScript(prisoner) }) : undefined}
        size={120}
        radius="md"
        data-testid="prisoner-photo"
      >
        {prisoner.familyName.slice(0, 1)}
        {prisoner.givenName.slice(0, 1)}
      </Avatar>
      {can('reception.manage') && (
        <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/jpeg,image/png">
          {(props) => (
            <Button {...props} size="compact-sm" variant="default" loading={upload.isPending} data-testid="upload-photo">
              {prisoner.hasPhoto ? t('prisoners.replacePhoto') : t('prisoners.uploadPhoto')}
            </Button>
          )}
        </FileButton>
      )}
      <ProblemAlert error={upload.error} />
    </Stack>
  );
}
