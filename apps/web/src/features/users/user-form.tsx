import { MultiSelect, PasswordInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateUserBody, LANGUAGES, ROLES, UpdateUserBody, type Language, type Role, type User } from '@vigil/contracts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { useCan } from '../../app/session.tsx';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
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
  sex: (u?.sex ?? null) as 'male' | 'female' | null,
  roles: (u?.roles ?? []) as Role[],
  allFacilities: u?.allFacilities ?? false,
  facilityIds: u?.facilityIds ?? [],
  temporaryPassword: '',
});
type Values = ReturnType<typeof fromUser>;

// Problems about one field are shown beside it too.
const PROBLEM_FIELDS = { 'duplicate-staff-number': { field: 'staffNumber' }, 'duplicate-username': { field: 'username' } };

/** A new user, in a dialog. */
export function UserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('users.create')}
      initial={fromUser()}
      schema={CreateUserBody}
      submit={usersApi.create}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
        onClose();
      }}
      problemFields={PROBLEM_FIELDS}
      testId="user-form"
    >
      {(form) => <UserFields form={form} />}
    </FormDialog>
  );
}

/** A user's details, editable by those who manage users; the user name never changes. */
export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const queryClient = useQueryClient();
  const can = useCan();
  const readOnly = !can('users.manage');
  return (
    <ContractForm
      initial={fromUser(user)}
      schema={UpdateUserBody}
      toBody={({ username: _u, temporaryPassword: _p, ...fields }) => ({ ...fields, version: user.version })}
      submit={(body) => usersApi.update(user.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
        onDone();
      }}
      onCancel={onDone}
      onReload={() => void queryClient.refetchQueries({ queryKey: userKeys.one(user.id) })}
      problemFields={PROBLEM_FIELDS}
      readOnly={readOnly}
      testId="user-form"
    >
      {(form) => <UserFields form={form} user={user} readOnly={readOnly} />}
    </ContractForm>
  );
}

/** Names are kept as typed, in Cyrillic and in Latin. */
function UserFields({ form, user, readOnly = false }: { form: FormBinder<Values>; user?: User; readOnly?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const facilities = useQuery({ queryKey: ['facilities', { includeInactive: false }], queryFn: () => facilitiesApi.list(false), enabled: can('facilities.read') });
  const text = (field: 'staffNumber' | 'username' | 'familyName' | 'givenName' | 'patronymic' | 'familyNameLatin' | 'givenNameLatin', max = 100) => (
    <TextInput label={t(`users.fields.${field}`)} {...form.text(field)} maxLength={max} readOnly={readOnly || (field === 'username' && !!user)} />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('staffNumber', 20)}
        {text('username', 40)}
        {text('familyName')}
        {text('givenName')}
        {text('patronymic')}
        <Select label={t('users.fields.sex')} description={t('users.sexHelp')} data={(['male', 'female'] as const).map((v) => ({ value: v, label: t(`users.sex.${v}`) }))} {...form.choice('sex')} readOnly={readOnly} />
        <Select label={t('users.fields.language')} data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} {...form.choice('language')} allowDeselect={false} readOnly={readOnly} />
        {text('familyNameLatin')}
        {text('givenNameLatin')}
      </SimpleGrid>
      <MultiSelect label={t('users.fields.roles')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} {...form.choice('roles')} readOnly={readOnly} data-testid="user-roles" />
      <Switch label={t('users.fields.allFacilities')} {...form.checkbox('allFacilities')} disabled={readOnly} />
      {!form.values.allFacilities && (
        <MultiSelect
          label={t('users.fields.facilities')}
          data={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
          {...form.choice('facilityIds')}
          searchable
          readOnly={readOnly}
        />
      )}
      {!user && <PasswordInput label={t('users.fields.temporaryPassword')} description={t('users.temporaryPasswordHelp')} autoComplete="new-password" {...form.text('temporaryPassword')} />}
    </>
  );
}
