import type { ProblemTable } from './table.ts';

/** Problem codes of the users module. */
export const usersProblems = {
  'duplicate-staff-number': {
    status: 409,
    en: 'Another user already has this staff number.',
    ru: 'Этот табельный номер уже есть у другого пользователя.',
    tg: 'Ин рақами хизматӣ аллакай ба корбари дигар тааллуқ дорад.',
  },
  'duplicate-username': {
    status: 409,
    en: 'This user name is already taken.',
    ru: 'Это имя пользователя уже занято.',
    tg: 'Ин номи корбар аллакай истифода шудааст.',
  },
  'last-admin': {
    status: 409,
    en: 'This is the last active system administrator; appoint another first.',
    ru: 'Это последний активный системный администратор; сначала назначьте другого.',
    tg: 'Ин охирин маъмури фаъоли система аст; аввал шахси дигарро таъин кунед.',
  },
  'facility-required': {
    status: 422,
    en: 'Assign at least one facility you manage, or access to all facilities.',
    ru: 'Назначьте хотя бы одно учреждение из тех, которыми вы управляете, или доступ ко всем учреждениям.',
    tg: 'Ақаллан як муассисаеро, ки шумо идора мекунед, ё дастрасӣ ба ҳамаи муассисаҳоро таъин кунед.',
  },
} as const satisfies ProblemTable;
