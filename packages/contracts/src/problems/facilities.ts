import type { ProblemTable } from './table.ts';

/** Problem codes of the facilities module. */
export const facilitiesProblems = {
  'invalid-time-zone': {
    status: 422,
    en: 'This is not a known time zone (use a name such as Asia/Dushanbe).',
    ru: 'Неизвестный часовой пояс (используйте название вида Asia/Dushanbe).',
    tg: 'Минтақаи вақти номаълум (номеро ба монанди Asia/Dushanbe истифода баред).',
  },
  'prison-number-pattern': {
    status: 422,
    en: 'The prison number pattern cannot produce valid numbers.',
    ru: 'По этому шаблону нельзя получить правильные номера заключённых.',
    tg: 'Аз ин қолаб рақамҳои дурусти маҳбус ҳосил намешаванд.',
  },
} as const satisfies ProblemTable;
