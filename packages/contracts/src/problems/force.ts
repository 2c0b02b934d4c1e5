import type { ProblemTable } from './table.ts';

/** Problem codes of the use-of-force module (reports, restraints and their catalogue). */
export const forceProblems = {
  'force-code-format': {
    status: 422,
    en: 'A code may contain only Latin lower-case letters, digits and single hyphens.',
    ru: 'Код может содержать только строчные латинские буквы, цифры и одиночные дефисы.',
    tg: 'Рамз метавонад танҳо ҳарфҳои хурди лотинӣ, рақамҳо ва дефисҳои ягона дошта бошад.',
  },
  'force-incident-unknown': {
    status: 422,
    en: 'There is no such incident in this facility to link the report to.',
    ru: 'В этом учреждении нет такого происшествия, к которому можно привязать рапорт.',
    tg: 'Дар ин муассиса чунин ҳодиса нест, ки гузоришро ба он пайваст кунед.',
  },
  'force-technique-unknown': {
    status: 422,
    en: 'There is no such technique or restraint in the list in force.',
    ru: 'Такого приёма или средства сдерживания нет в действующем перечне.',
    tg: 'Чунин усул ё воситаи маҳдудкунӣ дар рӯйхати амалкунанда нест.',
  },
  'force-technique-prohibited': {
    status: 422,
    en: 'This restraint is prohibited: chains, irons and other restraints that are inherently degrading or painful may never be used (Nelson Mandela Rule 47(1)).',
    ru: 'Это средство сдерживания запрещено: цепи, кандалы и другие средства, которые по своей природе унижают достоинство или причиняют боль, никогда не применяются (Правила Нельсона Манделы, правило 47(1)).',
    tg: 'Ин воситаи маҳдудкунӣ манъ аст: занҷир, кишан ва дигар воситаҳое, ки табиатан шаъну шарафро паст мезананд ё дард мерасонанд, ҳеҷ гоҳ истифода намешаванд (Қоидаҳои Нелсон Мандела, қоидаи 47(1)).',
  },
  'force-technique-protected': {
    status: 422,
    en: 'This restraint may not be used on this prisoner: never on a pregnant woman, nor during labour, childbirth or just after (Nelson Mandela Rule 48(2), Bangkok Rule 24), nor on anyone the list protects.',
    ru: 'Это средство сдерживания нельзя применять к этому заключённому: никогда к беременной женщине, во время схваток, родов и сразу после них (Правила Нельсона Манделы, правило 48(2); Бангкокские правила, правило 24), а также к тем, кого защищает перечень.',
    tg: 'Ин воситаи маҳдудкуниро нисбат ба ин маҳбус истифода бурдан мумкин нест: ҳеҷ гоҳ нисбат ба зани ҳомиладор, ҳангоми дарди таваллуд, таваллуд ва фавран баъд аз он (Қоидаҳои Нелсон Мандела, қоидаи 48(2); Қоидаҳои Бангкок, қоидаи 24), инчунин нисбат ба касоне, ки рӯйхат ҳимоя мекунад.',
  },
  'force-reason-unknown': {
    status: 422,
    en: 'Choose a reason from the list: force is used only in self-defence, against escape, to prevent harm or damage, or against resistance to a lawful order, never as a punishment (Nelson Mandela Rules 43(2), 47, 82).',
    ru: 'Выберите причину из перечня: сила применяется только для самообороны, против побега, для предотвращения вреда или ущерба либо при сопротивлении законному распоряжению, но никогда в качестве наказания (Правила Нельсона Манделы, правила 43(2), 47, 82).',
    tg: 'Сабабро аз рӯйхат интихоб кунед: қувва танҳо барои дифои худ, бар зидди гурез, барои пешгирии зарар ё хисорот ё ҳангоми муқовимат ба фармони қонунӣ истифода мешавад, ҳеҷ гоҳ ҳамчун ҷазо (Қоидаҳои Нелсон Мандела, қоидаҳои 43(2), 47, 82).',
  },
  'force-prisoner-not-involved': {
    status: 422,
    en: 'A restraint or an injury names a prisoner who is not among those involved.',
    ru: 'Средство сдерживания или травма относится к заключённому, которого нет среди участников.',
    tg: 'Воситаи маҳдудкунӣ ё ҷароҳат ба маҳбусе дахл дорад, ки дар байни иштирокчиён нест.',
  },
  'force-prisoner-elsewhere': {
    status: 422,
    en: 'A prisoner involved is not held in this facility.',
    ru: 'Один из участников не содержится в этом учреждении.',
    tg: 'Яке аз иштирокчиён дар ин муассиса нигоҳ дошта намешавад.',
  },
  'force-staff-unknown': {
    status: 422,
    en: 'The authorising officer and the staff involved must be active staff of this facility.',
    ru: 'Разрешивший сотрудник и участвовавшие сотрудники должны быть действующими сотрудниками этого учреждения.',
    tg: 'Корманди иҷозатдиҳанда ва кормандони иштирокчӣ бояд кормандони фаъоли ҳамин муассиса бошанд.',
  },
  'force-times-order': {
    status: 422,
    en: 'The times do not add up: a restraint goes on after the force began and comes off before it ended, and nothing ends before it starts or lies in the future.',
    ru: 'Время не сходится: средство сдерживания надевают после начала применения силы и снимают до его окончания; ничто не заканчивается раньше начала и не может быть в будущем.',
    tg: 'Вақтҳо мувофиқат намекунанд: воситаи маҳдудкунӣ пас аз оғози истифодаи қувва гузошта ва то анҷоми он бардошта мешавад; ҳеҷ чиз пеш аз оғоз ба охир намерасад ва дар оянда буда наметавонад.',
  },
  'force-report-incomplete': {
    status: 422,
    en: 'The report cannot be submitted yet: the end time, every restraint removed and the medical check are required.',
    ru: 'Отчёт пока нельзя подать: нужны время окончания, снятие каждого средства сдерживания и медицинский осмотр.',
    tg: 'Гузоришро ҳоло пешниҳод кардан мумкин нест: вақти анҷом, бардоштани ҳар як воситаи маҳдудкунӣ ва санҷиши тиббӣ лозиманд.',
  },
  'force-report-not-draft': {
    status: 409,
    en: 'The report has been submitted and can no longer be changed.',
    ru: 'Отчёт уже подан и больше не может быть изменён.',
    tg: 'Гузориш аллакай пешниҳод шудааст ва дигар тағйир дода намешавад.',
  },
  'force-report-not-submitted': {
    status: 409,
    en: 'Only a submitted report that has not been reviewed can be reviewed.',
    ru: 'Рассмотреть можно только поданный и ещё не рассмотренный отчёт.',
    tg: 'Танҳо гузориши пешниҳодшуда, ки ҳанӯз баррасӣ нашудааст, баррасӣ мешавад.',
  },
  'force-review-own': {
    status: 422,
    en: 'A report is reviewed by someone who was not part of the use of force: not its author, the authorising officer or the staff involved.',
    ru: 'Отчёт рассматривает тот, кто не участвовал в применении силы: не автор, не разрешивший сотрудник и не участвовавшие сотрудники.',
    tg: 'Гузоришро касе баррасӣ мекунад, ки дар истифодаи қувва иштирок накардааст: на муаллиф, на корманди иҷозатдиҳанда ва на кормандони иштирокчӣ.',
  },
} as const satisfies ProblemTable;
