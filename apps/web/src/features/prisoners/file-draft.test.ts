import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { CorrectPrisonerBody, IntakeData, PrisonerFile } from '@vigil/contracts';
import { validate } from '../../ui/validation.ts';
import { admissionBody, admissionDraft, blankSentence, fileBody, fileDraft, identityBody, identityDraft, legalBody, legalDraft } from './file-draft.ts';

const t = ((key: string) => key) as unknown as TFunction;
// An optional text left empty comes back as null from the form and absent from the contract: the same thing.
const withoutNulls = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (x === null ? undefined : x)));

const file = PrisonerFile.parse({
  identity: {
    familyName: 'Раҳимов',
    givenName: 'Фаррух',
    patronymic: 'Бахтиёрович',
    familyNameLatin: 'Rahimov',
    givenNameLatin: 'Farrukh',
    aliases: ['Фарик'],
    dateOfBirth: '1990-04-12',
    sex: 'male',
    nationality: 'TJ',
    documents: [{ kind: 'passport', number: 'A1234567', country: 'TJ', expiresOn: '2030-01-01' }],
    languages: ['tg', 'ru'],
  },
  legal: {
    status: 'convicted',
    charges: [{ offence: 'Кража', article: '244', extremismRelated: true }],
    courtCases: [{ court: 'Суди ноҳияи Сино', caseNumber: '1-234/24', nextHearingOn: null }],
    lawyer: { name: 'Каримов К.', phone: null },
    sentences: [{ startDate: '2024-01-10', years: 5, months: 6, days: 0, remandDays: 120 }],
    commitmentOrders: [{ kind: 'court-sentence', issuedBy: 'Суди шаҳри Душанбе', reference: '1-77/24', issuedOn: '2024-01-09' }],
  },
  family: { children: [{ age: 7, whereabouts: 'With the grandmother, Khujand' }], emergencyContact: { name: 'Раҳимова М.', relationship: 'Mother' } },
  admission: { visibleInjuries: 'Bruise on the left arm', health: { selfHarmRisk: true } },
  securityCategory: 'high',
  cellSharingRisk: true,
});

test('a file survives the round trip through the correction form unchanged', () => {
  const result = validate(CorrectPrisonerBody, { file: fileBody(fileDraft(file)), reason: 'Typo in the name', version: 3 }, t);
  assert.equal(result.errors, null);
  assert.deepEqual(withoutNulls(result.data?.file), withoutNulls(file));
});

test('blank required fields are left out, so the contract names them', () => {
  const draft = fileDraft(file);
  draft.identity.familyName = '';
  draft.identity.dateOfBirth = '';
  draft.legal.sentences = [blankSentence()];
  const result = validate(CorrectPrisonerBody, { file: fileBody(draft), reason: '', version: 3 }, t);
  assert.deepEqual(Object.keys(result.errors ?? {}).sort(), ['file.identity.dateOfBirth', 'file.identity.familyName', 'file.legal.sentences.0.startDate', 'file.legal.sentences.0.years', 'reason']);
});

test('an intake may be saved with only part of the identity', () => {
  const draft = identityDraft({ familyName: 'Муҳаммадиев', givenName: 'Муҳаммад' });
  const result = validate(IntakeData, { identity: identityBody(draft), legal: legalBody(legalDraft()) }, t);
  assert.equal(result.errors, null);
  assert.equal(result.data?.identity?.familyName, 'Муҳаммадиев');
  assert.equal(result.data?.identity?.dateOfBirth, undefined);
  assert.equal(result.data?.legal?.lawyer, null);
});

test('Bangkok Rules items are recorded only for women', () => {
  const draft = admissionDraft({ health: { selfHarmRisk: false, mentalHealth: false, substanceUse: false, disability: false, pregnant: true, breastfeeding: true, childrenWithMother: 1 } });
  assert.deepEqual([admissionBody(draft, 'female').health.pregnant, admissionBody(draft, 'female').health.childrenWithMother], [true, 1]);
  assert.deepEqual([admissionBody(draft, 'male').health.pregnant, admissionBody(draft, 'male').health.childrenWithMother], [false, 0]);
});
