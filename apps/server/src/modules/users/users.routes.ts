import { CreateUserBody, DeactivateBody, EmptyBody, IdParams, Ok, ReactivateUserBody, ResetPasswordBody, RoleList, UpdateUserBody, User, UserListQuery, UserPage } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { UsersService } from './users.service.ts';

export function usersRoutes(app: App, users: UsersService) {
  app.get('/api/v1/users', {
    config: { access: { permission: 'users.read' } },
    schema: { tags: ['users'], summary: 'Staff the user may see (sharing one of their facilities), filtered and paged', querystring: UserListQuery, response: { 200: UserPage } },
    handler: async (request) => users.list(request.ctx, request.query),
  });

  app.get('/api/v1/users/:id', {
    config: { access: { permission: 'users.read' } },
    schema: { tags: ['users'], summary: 'One staff member (the view is audited)', params: IdParams, response: { 200: User } },
    handler: async (request) => users.get(request.ctx, request.params.id),
  });

  app.post('/api/v1/users', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags: ['users'], summary: 'Create a user with a temporary password (changed at first sign-in)', body: CreateUserBody, response: { 201: User } },
    handler: async (request, reply) => reply.status(201).send(await users.create(request.ctx, request.body)),
  });

  app.put('/api/v1/users/:id', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags: ['users'], summary: 'Update a user (send the version you edited)', params: IdParams, body: UpdateUserBody, response: { 200: User } },
    handler: async (request) => users.update(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/users/:id/deactivate', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags: ['users'], summary: 'Deactivate a user (never deleted); ends their sessions', params: IdParams, body: DeactivateBody, response: { 200: User } },
    handler: async (request) => users.deactivate(request.ctx, request.params.id, request.body.reason, request.body.version),
  });

  app.post('/api/v1/users/:id/reactivate', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags: ['users'], summary: 'Reactivate a deactivated user', params: IdParams, body: ReactivateUserBody, response: { 200: User } },
    handler: async (request) => users.reactivate(request.ctx, request.params.id, request.body.version),
  });

  app.post('/api/v1/users/:id/reset-password', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags: ['users'], summary: 'Set a temporary password; the user must change it at next sign-in', params: IdParams, body: ResetPasswordBody, response: { 200: Ok } },
    handler: async (request) => {
      await users.resetPassword(request.ctx, request.params.id, request.body.temporaryPassword);
      return { ok: true as const };
    },
  });

  app.post('/api/v1/users/:id/reset-mfa', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags: ['users'], summary: 'Clear the authenticator and recovery codes (the user enrols again)', params: IdParams, body: EmptyBody, response: { 200: Ok } },
    handler: async (request) => {
      await users.resetMfa(request.ctx, request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/v1/roles', {
    config: { access: { permission: 'users.read' } },
    schema: { tags: ['users'], summary: 'Every role with its permissions and whether it requires MFA', response: { 200: RoleList } },
    handler: async () => users.roles(),
  });
}
