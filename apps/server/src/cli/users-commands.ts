import type { Command } from 'commander';
import { sql } from 'kysely';
import { CreateUserBody, LANGUAGES, ROLES } from '@vigil/contracts';
import { usersService } from '../modules/users/users.service.ts';
import { CliFailure, facilityIdsFor, operatorContext, withDatabase, type Io } from './runtime.ts';
import { temporaryPassword } from './temporary-password.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CreateOptions {
  username: string;
  staffNumber: string;
  familyName: string;
  givenName: string;
  patronymic?: string;
  familyNameLatin?: string;
  givenNameLatin?: string;
  language: string;
  role: string[];
  facility?: string[];
  allFacilities?: boolean;
}

export function usersCommands(program: Command, io: Io) {
  const users = program.command('users').description('Staff accounts (the first administrator, or a locked-out one)');

  users
    .command('create')
    .description('Create a user with a generated temporary password, to be changed at first sign-in')
    .requiredOption('--username <name>', 'sign-in name (lower case letters, digits, . _ -)')
    .requiredOption('--staff-number <n>', 'staff number, unique')
    .requiredOption('--family-name <name>', 'family name as written (e.g. Cyrillic)')
    .requiredOption('--given-name <name>', 'given name as written')
    .option('--patronymic <name>', 'patronymic')
    .option('--family-name-latin <name>', 'family name in Latin letters')
    .option('--given-name-latin <name>', 'given name in Latin letters')
    .option('--language <lang>', `interface language: ${LANGUAGES.join(', ')}`, 'ru')
    .requiredOption('--role <role>', `a role (repeat for several): ${ROLES.join(', ')}`, collect)
    .option('--facility <code>', 'a facility code to assign (repeat for several)', collect)
    .option('--all-facilities', 'HQ-wide: every facility, present and future')
    .action((opts: CreateOptions) => {
      const password = temporaryPassword();
      // Checked before the database is opened: a typo costs nothing and changes nothing.
      const body = CreateUserBody.parse({
        username: opts.username,
        staffNumber: opts.staffNumber,
        familyName: opts.familyName,
        givenName: opts.givenName,
        patronymic: opts.patronymic,
        familyNameLatin: opts.familyNameLatin,
        givenNameLatin: opts.givenNameLatin,
        language: opts.language,
        roles: opts.role,
        allFacilities: !!opts.allFacilities,
        temporaryPassword: password,
      });
      return withDatabase({ migrate: true }, async (database) => {
        const facilityIds = await facilityIdsFor(database.db, opts.facility ?? []);
        const user = await usersService({ db: database.db }).create(operatorContext(), { ...body, facilityIds });
        io.out(`created ${user.username} (${user.roles.join(', ')})`);
        io.out(`temporary password: ${password}`);
        io.out('they must choose a new password at first sign-in; hand this one over in person.');
      });
    });

  users
    .command('reset-password')
    .description('Set a new temporary password (changed at next sign-in), unlock the account and end its sessions')
    .argument('<username>', 'the user to reset')
    .action((username: string) =>
      withDatabase({ migrate: true }, async (database) => {
        const user = await database.db.selectFrom('users').select(['id', 'username']).where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
        if (!user) throw new CliFailure(`no user named ${username}`);
        const password = temporaryPassword();
        await usersService({ db: database.db }).resetPassword(operatorContext(), user.id, password);
        io.out(`password of ${user.username} reset; their sessions have ended`);
        io.out(`temporary password: ${password}`);
      }),
    );
}
