import type { ProblemTable } from './table.ts';

/** Problem codes of the allocation module. */
export const allocationProblems = {
  'allocation-refused': {
    status: 422,
    en: 'This cell cannot take this prisoner: see the reasons listed.',
    ru: 'Эту камеру нельзя назначить этому заключённому: см. перечисленные причины.',
    tg: 'Ин камераро ба ин маҳбус додан мумкин нест: сабабҳои номбаршударо бинед.',
  },
  'allocation-not-in-custody': {
    status: 409,
    en: 'Only a prisoner who is in custody here can be allocated a cell.',
    ru: 'Камеру можно назначить только заключённому, который находится здесь под стражей.',
    tg: 'Камераро танҳо ба маҳбусе додан мумкин аст, ки дар ин ҷо дар ҳабс аст.',
  },
} as const satisfies ProblemTable;
