import type { ProblemTable } from './table.ts';

/** Problem codes of the plans module (docs/plans.md). Each refusal leaves nothing written. */
export const plansProblems = {
  'plan-objective-unlinked': {
    status: 422,
    en: 'An objective must answer at least one assessed need or risk.',
    ru: 'Цель должна отвечать хотя бы одной оценённой потребности или риску.',
    tg: 'Ҳадаф бояд ақаллан ба як эҳтиёҷ ё хатари арзёбишуда ҷавоб диҳад.',
  },
  'plan-need-invalid': {
    status: 422,
    en: "This need is not part of an approved assessment of the prisoner.",
    ru: 'Эта потребность не входит в утверждённую оценку осуждённого.',
    tg: 'Ин эҳтиёҷ ба арзёбии тасдиқшудаи маҳбус дохил нест.',
  },
  'plan-review-date-past': {
    status: 422,
    en: 'The next review date cannot be in the past.',
    ru: 'Дата следующего пересмотра не может быть в прошлом.',
    tg: 'Санаи баррасии навбатӣ наметавонад дар гузашта бошад.',
  },
  'plan-review-held-future': {
    status: 422,
    en: 'A review meeting is recorded after it has been held, not before.',
    ru: 'Заседание по пересмотру записывается после того, как оно состоялось.',
    tg: 'Ҷаласаи баррасӣ баъд аз баргузор шуданаш сабт мешавад, на пеш аз он.',
  },
  'plan-dates-order': {
    status: 422,
    en: 'The end date cannot be before the start date.',
    ru: 'Дата окончания не может быть раньше даты начала.',
    tg: 'Санаи анҷом наметавонад пеш аз санаи оғоз бошад.',
  },
  'plan-status-transition': {
    status: 422,
    en: 'The status cannot change this way.',
    ru: 'Статус нельзя изменить таким образом.',
    tg: 'Ҳолатро ин тавр иваз кардан мумкин нест.',
  },
  'plan-owner-invalid': {
    status: 422,
    en: 'The owner must be an active member of staff.',
    ru: 'Ответственным может быть только действующий сотрудник.',
    tg: 'Масъул танҳо корманди амалкунанда буда метавонад.',
  },
  'plan-closed': {
    status: 409,
    en: 'This plan has been replaced by a newer one; only the current plan can be changed.',
    ru: 'Этот план заменён более новым; изменять можно только действующий план.',
    tg: 'Ин нақша бо нақшаи навтар иваз шудааст; танҳо нақшаи ҷориро тағйир додан мумкин аст.',
  },
  'plan-objective-closed': {
    status: 409,
    en: 'This objective is closed; interventions are added to open objectives only.',
    ru: 'Эта цель закрыта; мероприятия добавляются только к открытым целям.',
    tg: 'Ин ҳадаф баста шудааст; чорабиниҳо танҳо ба ҳадафҳои кушода илова мешаванд.',
  },
} as const satisfies ProblemTable;
