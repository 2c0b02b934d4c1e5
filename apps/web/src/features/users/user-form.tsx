import { Button, Group, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateUserBody, LANGUAGES, ROLES, UpdateUserBody, type Language, type Role, type User } from '@vigil/contracts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { useCan } from '../../app/session.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { facilitiesApi } from '../facilities/facilities-api.ts';
import { userKeys, usersApi } from './users-api.ts';

const fromUser = (u?: User) => ({
  staffNumber: u?.staffNumber ?? '',
  username: u?.username ?? '',
  familyName: u?.familyName ?? '',
  givenName: u?.givenName ?? '',
  patronymic: u?.patronymic ?? '',
  familyNameLatin: u?.familyNameLatin ?? '',
  givenNameLatin: u?.givenNameLatin ?? '',
  language: (u?.language ?? 'ru') as Language,
  roles: (u?.roles ?? []) as string[],
  allFacilities: u?.allFacilities ?? false,
  facilityIds: u?.facilityIds ?? [],
  temporaryPassword: '',
});

/** Creates a user or edits one; names are kept as typed, in Cyrillic and in Latin. */
export function UserForm({ user, onDone, onCancel }: { user?: User; onDone: (u: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const form = useForm(fromUser(user));
  const v = form.values;
  const facilities = useQuery({ queryKey: ['facilities', { includeInactive: false }], queryFn: () => facilitiesApi.list(false), enabled: can('facilities.read') });
  const readOnly = !can('users.manage');

  const save = useMutation({
    mutationFn: async () => {
      const { username, temporaryPassword, ...fields } = v;
      if (user) {
        const body = form.check(UpdateUserBody, { ...fields, version: user.version }, t);
        return body ? usersApi.update(user.id, body) : null;
      }
      const body = form.check(CreateUserBody, { ...fields, username, temporaryPassword }, t);
      return body ? usersApi.create(body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      onDone(saved);
    },
  });
  const errors = { ...serverFieldErrors(save.error, t), ...form.errors };
  const text = (field: 'staffNumber' | 'username' | 'familyName' | 'givenName' | 'patronymic' | 'familyNameLatin' | 'givenNameLatin', required = false, max = 100) => (
    <TextInput
      label={t(`users.fields.${field}`)}
      name={field}
      value={v[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={errors[field]}
      required={required}
      maxLength={max}
      readOnly={readOnly || (field === 'username' && !!user)}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="user-form"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('staffNumber', true, 20)}
          {text('username', true, 40)}
          {text('familyName', true)}
          {text('givenName', true)}
          {text('patronymic')}
          <Select
            label={t('users.fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={v.language}
            onChange={(l) => l && form.set('language', l as Language)}
            allowDeselect={false}
            readOnly={readOnly}
          />
          {text('familyNameLatin')}
          {text('givenNameLatin')}
        </SimpleGrid>
        <MultiSelect
          label={t('users.fields.roles')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={v.roles}
          onChange={(roles) => form.set('roles', roles as Role[])}
          error={errors.roles}
          required
          readOnly={readOnly}
        />
        <Switch label={t('users.fields.allFacilities')} checked={v.allFacilities} onChange={(e) => form.set('allFacilities', e.currentTarget.checked)} disabled={readOnly} />
        {!v.allFacilities && (
          <MultiSelect
            label={t('users.fields.facilities')}
            data={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
            value={v.facilityIds}
            onChange={(ids) => form.set('facilityIds', ids)}
            error={errors.facilityIds}
            searchable
            readOnly={readOnly}
          />
        )}
        {!user && (
          <PasswordInput
            label={t('users.fields.temporaryPassword')}
            description={t('users.temporaryPasswordHelp')}
            autoComplete="new-password"
            value={v.temporaryPassword}
            onChange={(e) => form.set('temporaryPassword', e.currentTarget.value)}
            error={errors.temporaryPassword}
            required
          />
        )}
        <ProblemAlert
          error={save.error}
          onReload={() => {
            save.reset();
            if (user) void queryClient.refetchQueries({ queryKey: userKeys.one(user.id) });
          }}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="user-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
