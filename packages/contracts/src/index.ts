export * from './common.ts';
export * from './permissions.ts';
export * from './problems.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './facilities.ts';
export * from './locations.ts';
export * from './audit.ts';
