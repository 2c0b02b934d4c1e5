-- Risk-and-needs instruments (DOMAIN.md §5) are entries of the configuration catalogue
-- 'assessment-instruments', each version the whole definition (docs/assessments.md). Licensed
-- instruments (VERA-2R, ERG22+, LSI-R…) are never shipped: an administrator imports the ones they
-- hold a licence for. Two open instruments written by the Vigil project are the defaults, in effect
-- from the start: neutral screening aids of our own wording, not validated tools.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('assessment-instruments', 've-screening', 1, date '1900-01-01', $instrument$
{
  "code": "ve-screening",
  "names": {
    "en": "Violent extremism screening (open, Vigil)",
    "ru": "Скрининг насильственного экстремизма (открытый, Vigil)",
    "tg": "Санҷиши ибтидоии экстремизми зӯроварӣ (кушода, Vigil)"
  },
  "licence": {
    "kind": "open",
    "holder": "Vigil project",
    "notice": {
      "en": "Open instrument written by the Vigil project and free to use. It is a screening aid, not a validated risk-assessment tool: the final judgement is always the assessor's.",
      "ru": "Открытый инструмент, написанный проектом Vigil, свободный для использования. Это вспомогательное средство для скрининга, а не валидированный инструмент оценки риска: окончательное суждение всегда выносит специалист, проводящий оценку.",
      "tg": "Асбоби кушодае, ки лоиҳаи Vigil навиштааст ва истифодааш озод аст. Ин воситаи ёрирасон барои санҷиши ибтидоӣ аст, на асбоби тасдиқшудаи арзёбии хатар: хулосаи ниҳоӣ ҳамеша аз они арзёбикунанда аст."
    }
  },
  "domains": [
    {
      "code": "commitment",
      "names": {
        "en": "Commitment and identity",
        "ru": "Приверженность и идентичность",
        "tg": "Садоқат ва ҳувият"
      }
    },
    {
      "code": "intent",
      "names": {
        "en": "Intent",
        "ru": "Намерение",
        "tg": "Ният"
      }
    },
    {
      "code": "capability",
      "names": {
        "en": "Capability",
        "ru": "Возможности",
        "tg": "Имкониятҳо"
      }
    },
    {
      "code": "protective",
      "names": {
        "en": "Protective factors",
        "ru": "Защитные факторы",
        "tg": "Омилҳои ҳимоявӣ"
      }
    }
  ],
  "items": [
    {
      "code": "CI1",
      "domain": "commitment",
      "names": {
        "en": "Identification with a group or cause that endorses violence",
        "ru": "Отождествление себя с группой или идеей, одобряющей насилие",
        "tg": "Худро бо гурӯҳ ё ғояе, ки зӯровариро дастгирӣ мекунад, яксон донистан"
      },
      "guidance": {
        "en": "Rate how strongly the person's sense of who they are is bound up with a group or cause that approves of violence. Draw on what they say, who they associate with and how they behave in custody, from several sources.",
        "ru": "Оцените, насколько представление человека о себе связано с группой или идеей, которая одобряет насилие. Опирайтесь на его слова, круг общения и поведение в учреждении, используя несколько источников.",
        "tg": "Баҳо диҳед, ки тасаввури шахс дар бораи худ то чӣ андоза ба гурӯҳ ё ғояе, ки зӯровариро дастгирӣ мекунад, вобаста аст. Ба суханон, доираи муошират ва рафтори ӯ дар муассиса такя кунед ва аз якчанд манбаъ истифода баред."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "CI2",
      "domain": "commitment",
      "names": {
        "en": "Grievance and sense of injustice",
        "ru": "Обида и чувство несправедливости",
        "tg": "Ранҷиш ва ҳисси беадолатӣ"
      },
      "guidance": {
        "en": "Rate a personal or shared grievance that the person links to a group or cause, and how central it is to how they explain their life and actions.",
        "ru": "Оцените наличие личной или коллективной обиды, которую человек связывает с группой или идеей, и то, насколько она важна для объяснения им своей жизни и поступков.",
        "tg": "Мавҷудияти ранҷиши шахсӣ ё дастаҷамъиеро, ки шахс онро ба гурӯҳ ё ғоя вобаста мекунад, баҳо диҳед ва инчунин он ки ин ранҷиш дар шарҳи ҳаёт ва амалҳояш то чӣ андоза муҳим аст."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "CI3",
      "domain": "commitment",
      "names": {
        "en": "Need for belonging, status or purpose",
        "ru": "Потребность в принадлежности, статусе или смысле",
        "tg": "Эҳтиёҷ ба мансубият, мақом ё маъно"
      },
      "guidance": {
        "en": "Rate how far involvement seems to meet a need for belonging, status, purpose or excitement that the person does not meet in other ways.",
        "ru": "Оцените, в какой мере участие, по-видимому, удовлетворяет потребность в принадлежности, статусе, смысле или острых ощущениях, которую человек не удовлетворяет иначе.",
        "tg": "Баҳо диҳед, ки иштирок то чӣ андоза эҳтиёҷи шахсро ба мансубият, мақом, маъно ё ҳаяҷон қонеъ мегардонад, ки ӯ онро бо роҳҳои дигар қонеъ намекунад."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "CI4",
      "domain": "commitment",
      "names": {
        "en": "Coercion or control by a partner or relative",
        "ru": "Принуждение или контроль со стороны партнёра или родственника",
        "tg": "Маҷбуркунӣ ё назорат аз ҷониби ҳамсар ё хешованд"
      },
      "guidance": {
        "en": "For women: rate whether involvement appears to have been shaped by coercion, control or abuse by a partner or relative. Record it as context for the formulation, not as blame.",
        "ru": "Для женщин: оцените, не было ли участие обусловлено принуждением, контролем или насилием со стороны партнёра или родственника. Отметьте это как обстоятельство для формулировки, а не как вину.",
        "tg": "Барои занон: баҳо диҳед, ки оё иштирок дар натиҷаи маҷбуркунӣ, назорат ё зӯроварии ҳамсар ё хешованд ба вуҷуд омадааст. Инро ҳамчун шароит барои хулосаи парванда қайд кунед, на ҳамчун гуноҳ."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": true
    },
    {
      "code": "IN1",
      "domain": "intent",
      "names": {
        "en": "Attitudes that justify violence",
        "ru": "Взгляды, оправдывающие насилие",
        "tg": "Ақидаҳое, ки зӯровариро сафед мекунанд"
      },
      "guidance": {
        "en": "Rate views, expressed or observed, that violence against others is acceptable or necessary to reach a goal.",
        "ru": "Оцените высказанные или наблюдаемые взгляды о том, что насилие в отношении других допустимо или необходимо для достижения цели.",
        "tg": "Ақидаҳои изҳоршуда ё мушоҳидашударо баҳо диҳед, ки тибқи онҳо зӯроварӣ нисбат ба дигарон барои ноил шудан ба мақсад раво ё зарур аст."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "IN2",
      "domain": "intent",
      "names": {
        "en": "Us-and-them thinking",
        "ru": "Мышление «мы и они»",
        "tg": "Тафаккури «мо ва онҳо»"
      },
      "guidance": {
        "en": "Rate how far the person divides people into their own group and an enemy, and speaks of the other side as less than human.",
        "ru": "Оцените, в какой мере человек делит людей на своих и врагов и говорит о другой стороне как о недостойных человеческого отношения.",
        "tg": "Баҳо диҳед, ки шахс то чӣ андоза одамонро ба худӣ ва душман ҷудо мекунад ва дар бораи тарафи дигар ҳамчун одамони носазовори муносибати инсонӣ сухан меронад."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "IN3",
      "domain": "intent",
      "names": {
        "en": "Stated intent or planning",
        "ru": "Заявленное намерение или планирование",
        "tg": "Нияти изҳоршуда ё банақшагирӣ"
      },
      "guidance": {
        "en": "Rate statements, writings or conduct that show an intention to commit or support violence, in custody or after release.",
        "ru": "Оцените высказывания, записи или поведение, указывающие на намерение совершить или поддержать насилие в учреждении или после освобождения.",
        "tg": "Суханон, навиштаҳо ё рафтореро баҳо диҳед, ки нияти содир кардан ё дастгирӣ кардани зӯровариро дар муассиса ё пас аз озодшавӣ нишон медиҳанд."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "CA1",
      "domain": "capability",
      "names": {
        "en": "Access to networks and resources",
        "ru": "Доступ к связям и ресурсам",
        "tg": "Дастрасӣ ба шабакаҳо ва захираҳо"
      },
      "guidance": {
        "en": "Rate contact with people, networks, money or material that could make violence possible, inside or outside the prison.",
        "ru": "Оцените связи с людьми, сетями, деньгами или материалами, которые могли бы сделать насилие возможным, в учреждении или за его пределами.",
        "tg": "Робита бо одамон, шабакаҳо, пул ё маводеро, ки метавонанд зӯровариро имконпазир гардонанд, дар дохил ё берун аз муассиса баҳо диҳед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "CA2",
      "domain": "capability",
      "names": {
        "en": "Relevant skills and training",
        "ru": "Соответствующие навыки и подготовка",
        "tg": "Малака ва омодагии марбута"
      },
      "guidance": {
        "en": "Rate knowledge, skills or training (weapons, explosives, organising others, secure communication) that could be used for violence.",
        "ru": "Оцените знания, навыки или подготовку (оружие, взрывчатые вещества, организация людей, скрытая связь), которые могли бы быть использованы для насилия.",
        "tg": "Дониш, малака ё омодагиеро (силоҳ, маводи тарканда, ташкили одамон, алоқаи пинҳонӣ) баҳо диҳед, ки метавонанд барои зӯроварӣ истифода шаванд."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "CA3",
      "domain": "capability",
      "names": {
        "en": "History of violence",
        "ru": "Насилие в прошлом",
        "tg": "Зӯроварӣ дар гузашта"
      },
      "guidance": {
        "en": "Rate the person's known history of violent conduct, whether or not it was linked to a group or cause.",
        "ru": "Оцените известные случаи насильственного поведения человека, независимо от того, были ли они связаны с группой или идеей.",
        "tg": "Ҳолатҳои маълуми рафтори зӯроваронаи шахсро баҳо диҳед, новобаста аз он ки онҳо ба гурӯҳ ё ғоя вобаста буданд ё не."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "PR1",
      "domain": "protective",
      "names": {
        "en": "Supportive family and relationships",
        "ru": "Поддерживающая семья и близкие отношения",
        "tg": "Оила ва муносибатҳои дастгирикунанда"
      },
      "guidance": {
        "en": "Rate contact with family members or others who do not support violence and with whom the person has a positive relationship.",
        "ru": "Оцените контакты с членами семьи или другими людьми, которые не поддерживают насилие и с которыми у человека хорошие отношения.",
        "tg": "Робитаро бо аъзои оила ё дигар одамоне, ки зӯровариро дастгирӣ намекунанд ва шахс бо онҳо муносибати хуб дорад, баҳо диҳед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": true,
      "womenOnly": false
    },
    {
      "code": "PR2",
      "domain": "protective",
      "names": {
        "en": "Taking part in education, work or programmes",
        "ru": "Участие в обучении, работе или программах",
        "tg": "Иштирок дар таҳсил, кор ё барномаҳо"
      },
      "guidance": {
        "en": "Rate steady, willing participation in education, work, vocational training or rehabilitation programmes.",
        "ru": "Оцените постоянное и добровольное участие в обучении, работе, профессиональной подготовке или программах реабилитации.",
        "tg": "Иштироки доимӣ ва ихтиёриро дар таҳсил, кор, омӯзиши касбӣ ё барномаҳои тавонбахшӣ баҳо диҳед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": true,
      "womenOnly": false
    },
    {
      "code": "PR3",
      "domain": "protective",
      "names": {
        "en": "Openness to other views and distance from the group",
        "ru": "Открытость другим взглядам и отдаление от группы",
        "tg": "Кушодагӣ ба ақидаҳои дигар ва дурӣ аз гурӯҳ"
      },
      "guidance": {
        "en": "Rate signs of questioning the group or cause, openness to other views and willingness to take part in disengagement work.",
        "ru": "Оцените признаки сомнения в группе или идее, открытость другим взглядам и готовность участвовать в работе по выходу из движения.",
        "tg": "Нишонаҳои шубҳа нисбат ба гурӯҳ ё ғоя, кушодагӣ ба ақидаҳои дигар ва омодагӣ ба иштирок дар кор оид ба ҷудо шудан аз ҷунбишро баҳо диҳед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "absent",
            "names": {
              "en": "Absent",
              "ru": "Отсутствует",
              "tg": "Мавҷуд нест"
            }
          },
          {
            "code": "partly",
            "names": {
              "en": "Partly present",
              "ru": "Частично присутствует",
              "tg": "Қисман мавҷуд аст"
            }
          },
          {
            "code": "present",
            "names": {
              "en": "Present",
              "ru": "Присутствует",
              "tg": "Мавҷуд аст"
            }
          }
        ]
      },
      "protective": true,
      "womenOnly": false
    }
  ],
  "judgementLevels": [
    {
      "code": "low",
      "names": {
        "en": "Low",
        "ru": "Низкий",
        "tg": "Паст"
      }
    },
    {
      "code": "moderate",
      "names": {
        "en": "Moderate",
        "ru": "Средний",
        "tg": "Миёна"
      }
    },
    {
      "code": "high",
      "names": {
        "en": "High",
        "ru": "Высокий",
        "tg": "Баланд"
      }
    }
  ],
  "reviewIntervalMonths": 6
}
$instrument$::jsonb, 'Vigil 0014: open instrument written by the Vigil project', 'system'),
('assessment-instruments', 'needs-screening', 1, date '1900-01-01', $instrument$
{
  "code": "needs-screening",
  "names": {
    "en": "General needs screening (open, Vigil)",
    "ru": "Скрининг общих потребностей (открытый, Vigil)",
    "tg": "Санҷиши ибтидоии эҳтиёҷоти умумӣ (кушода, Vigil)"
  },
  "licence": {
    "kind": "open",
    "holder": "Vigil project",
    "notice": {
      "en": "Open instrument written by the Vigil project and free to use. It is a screening aid, not a validated risk-assessment tool: the final judgement is always the assessor's.",
      "ru": "Открытый инструмент, написанный проектом Vigil, свободный для использования. Это вспомогательное средство для скрининга, а не валидированный инструмент оценки риска: окончательное суждение всегда выносит специалист, проводящий оценку.",
      "tg": "Асбоби кушодае, ки лоиҳаи Vigil навиштааст ва истифодааш озод аст. Ин воситаи ёрирасон барои санҷиши ибтидоӣ аст, на асбоби тасдиқшудаи арзёбии хатар: хулосаи ниҳоӣ ҳамеша аз они арзёбикунанда аст."
    }
  },
  "domains": [
    {
      "code": "education",
      "names": {
        "en": "Education",
        "ru": "Образование",
        "tg": "Таҳсил"
      }
    },
    {
      "code": "work",
      "names": {
        "en": "Work",
        "ru": "Работа",
        "tg": "Кор"
      }
    },
    {
      "code": "accommodation",
      "names": {
        "en": "Accommodation",
        "ru": "Жильё",
        "tg": "Манзил"
      }
    },
    {
      "code": "family",
      "names": {
        "en": "Family",
        "ru": "Семья",
        "tg": "Оила"
      }
    },
    {
      "code": "substance-use",
      "names": {
        "en": "Substance use",
        "ru": "Употребление психоактивных веществ",
        "tg": "Истеъмоли машрубот ва маводи мухаддир"
      }
    },
    {
      "code": "mental-health",
      "names": {
        "en": "Mental health",
        "ru": "Психическое здоровье",
        "tg": "Солимии равонӣ"
      }
    },
    {
      "code": "finances",
      "names": {
        "en": "Finances",
        "ru": "Финансы",
        "tg": "Вазъи молиявӣ"
      }
    }
  ],
  "items": [
    {
      "code": "ED1",
      "domain": "education",
      "names": {
        "en": "Literacy and schooling",
        "ru": "Грамотность и школьное образование",
        "tg": "Саводнокӣ ва таҳсили мактабӣ"
      },
      "guidance": {
        "en": "Rate needs in reading, writing, arithmetic and schooling that affect daily life or work. Ask about the last level completed and check records where they exist.",
        "ru": "Оцените потребности в чтении, письме, счёте и школьном образовании, которые влияют на повседневную жизнь или работу. Спросите о последнем законченном уровне обучения и проверьте документы, если они есть.",
        "tg": "Эҳтиёҷот дар хондан, навиштан, ҳисоб ва таҳсили мактабиро, ки ба ҳаёти ҳаррӯза ё кор таъсир мерасонанд, баҳо диҳед. Дар бораи охирин зинаи хатмкардаи таҳсил пурсед ва агар ҳуҷҷатҳо бошанд, онҳоро санҷед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "WK1",
      "domain": "work",
      "names": {
        "en": "Work skills and employment",
        "ru": "Трудовые навыки и занятость",
        "tg": "Малакаҳои корӣ ва шуғл"
      },
      "guidance": {
        "en": "Rate needs arising from little work history, or from a lack of the skills or qualifications that would help the person find lawful work.",
        "ru": "Оцените потребности, связанные с небольшим трудовым опытом или с недостатком навыков и квалификации для поиска законной работы.",
        "tg": "Эҳтиёҷотеро баҳо диҳед, ки аз таҷрибаи ками корӣ ё норасоии малака ва тахассус барои ёфтани кори қонунӣ бармеоянд."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "AC1",
      "domain": "accommodation",
      "names": {
        "en": "Accommodation on release",
        "ru": "Жильё после освобождения",
        "tg": "Манзил пас аз озодшавӣ"
      },
      "guidance": {
        "en": "Rate whether the person will have a safe and stable place to live on release.",
        "ru": "Оцените, будет ли у человека безопасное и постоянное место жительства после освобождения.",
        "tg": "Баҳо диҳед, ки оё шахс пас аз озодшавӣ ҷои зисти бехатар ва доимӣ хоҳад дошт."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "FA1",
      "domain": "family",
      "names": {
        "en": "Family relationships",
        "ru": "Семейные отношения",
        "tg": "Муносибатҳои оилавӣ"
      },
      "guidance": {
        "en": "Rate needs in relationships with partner, parents and children: conflict, lost contact, or relationships that encourage offending.",
        "ru": "Оцените потребности в отношениях с партнёром, родителями и детьми: конфликты, утрата связи или отношения, поощряющие правонарушения.",
        "tg": "Эҳтиёҷотро дар муносибат бо ҳамсар, волидон ва фарзандон баҳо диҳед: низоъҳо, қатъ шудани робита ё муносибатҳое, ки ба ҳуқуқвайронкунӣ водор мекунанд."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "FA2",
      "domain": "family",
      "names": {
        "en": "Children and care responsibilities",
        "ru": "Дети и обязанности по уходу",
        "tg": "Фарзандон ва ӯҳдадориҳои нигоҳубин"
      },
      "guidance": {
        "en": "For women: rate needs linked to the care of children inside or outside the prison, including contact with them and who looks after them now (Bangkok Rules).",
        "ru": "Для женщин: оцените потребности, связанные с уходом за детьми в учреждении или за его пределами, включая общение с ними и то, кто заботится о них сейчас (Бангкокские правила).",
        "tg": "Барои занон: эҳтиёҷоти марбут ба нигоҳубини фарзандонро дар дохил ё берун аз муассиса баҳо диҳед, аз ҷумла робита бо онҳо ва он ки ҳоло кӣ онҳоро нигоҳубин мекунад (Қоидаҳои Бангкок)."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": true
    },
    {
      "code": "SU1",
      "domain": "substance-use",
      "names": {
        "en": "Alcohol and drug use",
        "ru": "Употребление алкоголя и наркотиков",
        "tg": "Истеъмоли машрубот ва маводи мухаддир"
      },
      "guidance": {
        "en": "Rate current or past misuse of alcohol or drugs and its link to offending or health.",
        "ru": "Оцените текущее или прошлое злоупотребление алкоголем или наркотиками и его связь с правонарушениями или здоровьем.",
        "tg": "Сӯистеъмоли ҳозира ё гузаштаи машрубот ё маводи мухаддир ва робитаи онро бо ҳуқуқвайронкунӣ ё саломатӣ баҳо диҳед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "MH1",
      "domain": "mental-health",
      "names": {
        "en": "Mental health and well-being",
        "ru": "Психическое здоровье и благополучие",
        "tg": "Солимии равонӣ ва некӯаҳволӣ"
      },
      "guidance": {
        "en": "Rate signs of mental ill-health, distress or risk of self-harm. This is a screening, not a diagnosis: refer to health staff whenever there is concern.",
        "ru": "Оцените признаки психического расстройства, дистресса или риска самоповреждения. Это скрининг, а не диагноз: при любом беспокойстве направьте к медицинскому персоналу.",
        "tg": "Нишонаҳои бемории равонӣ, изтироб ё хатари ба худ зарар расониданро баҳо диҳед. Ин санҷиши ибтидоӣ аст, на ташхис: ҳангоми ҳар гуна нигаронӣ ба кормандони тиббӣ муроҷиат кунед."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    },
    {
      "code": "FI1",
      "domain": "finances",
      "names": {
        "en": "Debts and income",
        "ru": "Долги и доходы",
        "tg": "Қарзҳо ва даромад"
      },
      "guidance": {
        "en": "Rate needs arising from debts, lack of income or difficulty managing money.",
        "ru": "Оцените потребности, связанные с долгами, отсутствием дохода или трудностями в управлении деньгами.",
        "tg": "Эҳтиёҷотеро баҳо диҳед, ки аз қарзҳо, набудани даромад ё душвориҳо дар идоракунии пул бармеоянд."
      },
      "scale": {
        "allowsUnknown": true,
        "levels": [
          {
            "code": "none",
            "names": {
              "en": "No need",
              "ru": "Нет потребности",
              "tg": "Эҳтиёҷ нест"
            }
          },
          {
            "code": "some",
            "names": {
              "en": "Some need",
              "ru": "Есть некоторая потребность",
              "tg": "Каме эҳтиёҷ ҳаст"
            }
          },
          {
            "code": "significant",
            "names": {
              "en": "Significant need",
              "ru": "Значительная потребность",
              "tg": "Эҳтиёҷи ҷиддӣ"
            }
          }
        ]
      },
      "protective": false,
      "womenOnly": false
    }
  ],
  "judgementLevels": [
    {
      "code": "low",
      "names": {
        "en": "Low",
        "ru": "Низкий",
        "tg": "Паст"
      }
    },
    {
      "code": "moderate",
      "names": {
        "en": "Moderate",
        "ru": "Средний",
        "tg": "Миёна"
      }
    },
    {
      "code": "high",
      "names": {
        "en": "High",
        "ru": "Высокий",
        "tg": "Баланд"
      }
    }
  ],
  "reviewIntervalMonths": 12
}
$instrument$::jsonb, 'Vigil 0014: open instrument written by the Vigil project', 'system');
