-- Reassessment triggers (DOMAIN.md §5.4 step 9, docs/assessments.md "Reassessment"): an event that
-- makes a prisoner due for reassessment (a category review, a graded intelligence report, a
-- serious incident) is kept here until an approved assessment of that prisoner satisfies it. The
-- review interval and release planning are worked out from the assessments and the file's dates.
create table reassessment_triggers (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  reason text not null check (reason in ('category-review', 'intelligence', 'incident')),
  source_event_id uuid not null,
  due_on date not null,
  satisfied_by uuid references assessments(id),
  created_at timestamptz not null default now(),
  -- An event names a prisoner once: a second delivery of the same event writes nothing.
  unique (source_event_id, prisoner_id)
);
create index reassessment_triggers_open on reassessment_triggers (prisoner_id) where satisfied_by is null;

-- Bangkok Rules (gender-specific needs): the open needs screening gets a domain asked of women only,
-- as its next version in effect from the day this runs. The version before it is never edited:
-- assessments made under it keep reading its own items.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author)
select 'assessment-instruments', 'needs-screening', latest.version + 1, greatest(current_date, latest.effective_from),
       jsonb_set(
         jsonb_set(latest.data, '{domains}', (latest.data->'domains') || jsonb_build_array(jsonb_build_object(
           'code', 'women', 'womenOnly', true,
           'names', jsonb_build_object('en', 'Women''s specific needs (Bangkok Rules)', 'ru', 'Особые потребности женщин (Бангкокские правила)', 'tg', 'Ниёзҳои махсуси занон (Қоидаҳои Бангкок)')))),
         '{items}', (latest.data->'items') || jsonb_build_array(
           jsonb_build_object(
             'code', 'WN1', 'domain', 'women', 'protective', false, 'womenOnly', true, 'scale', latest.data->'items'->0->'scale',
             'names', jsonb_build_object('en', 'Children and caring responsibilities', 'ru', 'Дети и обязанности по уходу', 'tg', 'Кӯдакон ва ӯҳдадориҳои нигоҳубин'),
             'guidance', jsonb_build_object(
               'en', 'Rate needs arising from children or others in her care: who looks after them now, whether the arrangement is safe and lasting, and how she keeps in contact (Bangkok Rules 2, 26, 52).',
               'ru', 'Оцените потребности, связанные с детьми или другими лицами на её попечении: кто заботится о них сейчас, надёжна ли эта договорённость и как она поддерживает связь (Бангкокские правила 2, 26, 52).',
               'tg', 'Ниёзҳои марбут ба кӯдакон ё дигар шахсони таҳти нигоҳубини ӯро баҳо диҳед: ҳоло кӣ онҳоро нигоҳубин мекунад, оё ин тартиб бехатар ва устувор аст ва ӯ чӣ гуна робита нигоҳ медорад (Қоидаҳои Бангкок 2, 26, 52).')),
           jsonb_build_object(
             'code', 'WN2', 'domain', 'women', 'protective', false, 'womenOnly', true, 'scale', latest.data->'items'->0->'scale',
             'names', jsonb_build_object('en', 'Experience of violence or abuse', 'ru', 'Пережитое насилие или жестокое обращение', 'tg', 'Таҷрибаи зӯроварӣ ё муносибати бераҳмона'),
             'guidance', jsonb_build_object(
               'en', 'Rate support needs from domestic, sexual or other violence she has experienced, asked with care and only as far as she chooses to say; note any wish to report it (Bangkok Rules 7, 42, 44).',
               'ru', 'Оцените потребность в поддержке после пережитого домашнего, сексуального или иного насилия; спрашивайте бережно и лишь в той мере, в какой она сама готова рассказать; отметьте желание сообщить о нём (Бангкокские правила 7, 42, 44).',
               'tg', 'Ниёз ба дастгириро пас аз зӯроварии хонаводагӣ, ҷинсӣ ё дигар баҳо диҳед; бо эҳтиёт ва танҳо то ҳадде пурсед, ки худи ӯ гуфтан мехоҳад; хоҳиши хабар доданро қайд кунед (Қоидаҳои Бангкок 7, 42, 44).')),
           jsonb_build_object(
             'code', 'WN3', 'domain', 'women', 'protective', false, 'womenOnly', true, 'scale', latest.data->'items'->0->'scale',
             'names', jsonb_build_object('en', 'Pregnancy, breastfeeding and maternal health', 'ru', 'Беременность, грудное вскармливание и здоровье матери', 'tg', 'Ҳомиладорӣ, синамаконӣ ва саломатии модар'),
             'guidance', jsonb_build_object(
               'en', 'Rate needs for antenatal or postnatal care, diet, rest and a baby staying with her, as the health service has recorded them (Bangkok Rules 48, 49).',
               'ru', 'Оцените потребности в дородовом или послеродовом наблюдении, питании, отдыхе и пребывании ребёнка с матерью по записям медицинской службы (Бангкокские правила 48, 49).',
               'tg', 'Ниёзҳоро ба нигоҳубини пеш ва пас аз таваллуд, ғизо, истироҳат ва бо модар мондани кӯдак тибқи сабтҳои хадамоти тиббӣ баҳо диҳед (Қоидаҳои Бангкок 48, 49).'))
         )),
       'Vigil 0016: open instrument written by the Vigil project; women''s needs added (Bangkok Rules)', 'system'
  from (select version, effective_from, data from catalogue_entries
         where catalogue = 'assessment-instruments' and code = 'needs-screening'
         order by version desc limit 1) latest
 where not exists (select 1 from jsonb_array_elements(latest.data->'domains') d where d->>'code' = 'women');
