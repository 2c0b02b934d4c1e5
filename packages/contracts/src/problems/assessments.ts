import type { ProblemTable } from './table.ts';

/**
 * Problem codes of the assessments module. `instrument-invalid` refuses an instrument definition
 * and `assessment-incomplete` a submission; the `instrument-*` and `assessment-*` codes after each
 * are also the messages of their `errors[]`, one per fault, so a form can show each beside its field.
 */
export const assessmentsProblems = {
  'instrument-invalid': {
    status: 422,
    en: 'The instrument definition is not valid. Nothing was saved; see the list of faults.',
    ru: 'Описание инструмента содержит ошибки. Ничего не сохранено; см. список ошибок.',
    tg: 'Тавсифи асбоб хато дорад. Ҳеҷ чиз захира нашуд; рӯйхати хатогиҳоро бинед.',
  },
  'instrument-code-format': {
    status: 422,
    en: 'A code may contain only Latin letters, digits and single hyphens.',
    ru: 'Код может содержать только латинские буквы, цифры и одиночные дефисы.',
    tg: 'Рамз метавонад танҳо ҳарфҳои лотинӣ, рақамҳо ва дефисҳои ягона дошта бошад.',
  },
  'instrument-code-duplicate': {
    status: 422,
    en: 'This code is used twice in the same list.',
    ru: 'Этот код встречается в одном списке дважды.',
    tg: 'Ин рамз дар як рӯйхат ду бор омадааст.',
  },
  'instrument-domain-unknown': {
    status: 422,
    en: 'This item names a domain the instrument does not have.',
    ru: 'Этот пункт ссылается на домен, которого нет в инструменте.',
    tg: 'Ин банд ба домене ишора мекунад, ки дар асбоб нест.',
  },
  'instrument-domain-empty': {
    status: 422,
    en: 'This domain has no items.',
    ru: 'В этом домене нет ни одного пункта.',
    tg: 'Дар ин домен ягон банд нест.',
  },
  'assessment-locked': {
    status: 409,
    en: 'This assessment is approved and can no longer be changed. A review starts a new assessment.',
    ru: 'Эта оценка утверждена и больше не может быть изменена. Пересмотр начинается с новой оценки.',
    tg: 'Ин арзёбӣ тасдиқ шудааст ва дигар тағйир дода намешавад. Бознигарӣ бо арзёбии нав оғоз мешавад.',
  },
  'assessment-wrong-status': {
    status: 409,
    en: 'This assessment is not at the step this action needs. Reload it to see where it stands.',
    ru: 'Оценка находится не на том этапе, который нужен для этого действия. Обновите её, чтобы увидеть текущий этап.',
    tg: 'Арзёбӣ дар марҳилае нест, ки барои ин амал лозим аст. Онро аз нав бор кунед, то марҳилаи ҷориро бинед.',
  },
  'assessment-not-assessor': {
    status: 422,
    en: 'Only the assessor assigned to this assessment may rate, save or submit it.',
    ru: 'Заполнять, сохранять и отправлять оценку может только назначенный специалист.',
    tg: 'Танҳо арзёбикунандаи таъиншуда метавонад арзёбиро пур, захира ва ирсол кунад.',
  },
  'assessment-assessor-invalid': {
    status: 422,
    en: 'The assessor must be an active user who is allowed to carry out assessments.',
    ru: 'Специалист по оценке должен быть активным пользователем с правом проводить оценки.',
    tg: 'Арзёбикунанда бояд корбари фаъол бо ҳуқуқи гузаронидани арзёбӣ бошад.',
  },
  'assessment-instrument-unknown': {
    status: 422,
    en: 'There is no instrument with this code in force today.',
    ru: 'Инструмента с этим кодом, действующего сегодня, нет.',
    tg: 'Асбобе бо ин рамз, ки имрӯз амал кунад, нест.',
  },
  'assessment-own-approval': {
    status: 422,
    en: 'An assessment is approved by someone other than its author and its assessor (four eyes).',
    ru: 'Оценку утверждает не её автор и не проводивший её специалист (принцип «четырёх глаз»).',
    tg: 'Арзёбиро на муаллиф ва на арзёбикунандаи он, балки шахси дигар тасдиқ мекунад (принсипи «чор чашм»).',
  },
  'assessment-incomplete': {
    status: 422,
    en: 'The assessment cannot be submitted yet; see the list of what is missing.',
    ru: 'Оценку пока нельзя отправить; см. список недостающего.',
    tg: 'Арзёбиро ҳоло ирсол кардан мумкин нест; рӯйхати камбудиҳоро бинед.',
  },
  'assessment-rating-invalid': {
    status: 422,
    en: 'This rating is not a level of the item\'s scale, or the item is not part of the instrument.',
    ru: 'Эта оценка не входит в шкалу пункта, или такого пункта нет в инструменте.',
    tg: 'Ин баҳо ба шкалаи банд дохил намешавад ё чунин банд дар асбоб нест.',
  },
  'assessment-item-women-only': {
    status: 422,
    en: 'This item applies to women only and is not rated for this prisoner.',
    ru: 'Этот пункт применяется только к женщинам и для этого заключённого не оценивается.',
    tg: 'Ин банд танҳо ба занон дахл дорад ва барои ин маҳбус баҳо дода намешавад.',
  },
  'assessment-judgement-invalid': {
    status: 422,
    en: 'This is not one of the instrument\'s judgement levels.',
    ru: 'Это не один из уровней итогового суждения инструмента.',
    tg: 'Ин яке аз сатҳҳои хулосаи ниҳоии асбоб нест.',
  },
  'assessment-item-unrated': {
    status: 422,
    en: 'This item is not rated yet.',
    ru: 'Этот пункт ещё не оценён.',
    tg: 'Ин банд ҳанӯз баҳо дода нашудааст.',
  },
  'assessment-evidence-missing': {
    status: 422,
    en: 'Write the evidence for this rating.',
    ru: 'Укажите обоснование этой оценки.',
    tg: 'Далели ин баҳоро нависед.',
  },
  'assessment-formulation-missing': {
    status: 422,
    en: 'Write the case formulation.',
    ru: 'Напишите формулировку случая.',
    tg: 'Хулосаи парвандаро нависед.',
  },
  'assessment-judgement-missing': {
    status: 422,
    en: 'Record the final judgement.',
    ru: 'Укажите итоговое суждение.',
    tg: 'Хулосаи ниҳоиро қайд кунед.',
  },
  'assessment-compare-mismatch': {
    status: 422,
    en: 'Only two assessments of the same prisoner on the same instrument can be compared.',
    ru: 'Сравнивать можно только две оценки одного заключённого по одному инструменту.',
    tg: 'Танҳо ду арзёбии як маҳбус бо як асбоб муқоиса карда мешаванд.',
  },
} as const satisfies ProblemTable;
