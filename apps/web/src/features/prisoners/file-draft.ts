import type { z } from 'zod';
import type { Admission, Family, Identity, Legal, PrisonerFile } from '@vigil/contracts';

/**
 * Form drafts of the parts of the prisoner file. Inputs hold strings (and numbers that may be
 * blank); the `...Body` functions turn a draft back into what the contract expects, leaving blank
 * fields out so that the contract itself says which are required. The same drafts serve the
 * reception intake (where every part is optional until completion) and corrections to a file.
 */

type Num = number | string;

export interface DocumentDraft {
  kind: string;
  number: string;
  issuedBy: string;
  country: string;
  expiresOn: string;
}

export interface IdentityDraft {
  familyName: string;
  givenName: string;
  patronymic: string;
  familyNameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string;
  aliases: string[];
  dateOfBirth: string;
  placeOfBirth: string;
  sex: string;
  genderIdentity: string;
  nationality: string;
  documents: DocumentDraft[];
  languages: string[];
}

export interface ChargeDraft {
  offence: string;
  article: string;
  extremismRelated: boolean;
}
export interface CourtCaseDraft {
  court: string;
  caseNumber: string;
  nextHearingOn: string;
}
export interface SentenceDraft {
  court: string;
  startDate: string;
  years: Num;
  months: Num;
  days: Num;
  remandDays: Num;
  earlyReleaseDays: Num;
}
export interface LegalDraft {
  status: string;
  charges: ChargeDraft[];
  courtCases: CourtCaseDraft[];
  lawyerName: string;
  lawyerPhone: string;
  sentences: SentenceDraft[];
  /** Recorded at reception and kept as they are: a correction does not edit them. */
  commitmentOrders: NonNullable<LegalIn['commitmentOrders']>;
}

export interface ChildDraft {
  name: string;
  age: Num;
  whereabouts: string;
  carer: string;
}
export interface FamilyDraft {
  children: ChildDraft[];
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  emergencyAddress: string;
}

export interface HealthDraft {
  selfHarmRisk: boolean;
  mentalHealth: boolean;
  substanceUse: boolean;
  disability: boolean;
  pregnant: boolean;
  breastfeeding: boolean;
  childrenWithMother: Num;
  notes: string;
}
export interface AdmissionDraft {
  visibleInjuries: string;
  illTreatmentComplaint: string;
  health: HealthDraft;
}

type IdentityIn = Partial<z.input<typeof Identity>>;
type LegalIn = Partial<z.input<typeof Legal>>;
type FamilyIn = Partial<z.input<typeof Family>>;
type AdmissionIn = Partial<z.input<typeof Admission>>;

const s = (v: string | null | undefined) => v ?? '';
/** A blank input is left out (undefined), so the contract decides whether it was required. */
const opt = (v: string) => (v.trim() === '' ? undefined : v);
/** Blank for the nullable fields whose default is null. */
const orNull = (v: string) => (v.trim() === '' ? null : v);
const num = (v: Num) => (v === '' || v === null || v === undefined ? undefined : Number(v));

export const blankDocument = (): DocumentDraft => ({ kind: 'passport', number: '', issuedBy: '', country: '', expiresOn: '' });
export const blankCharge = (): ChargeDraft => ({ offence: '', article: '', extremismRelated: false });
export const blankCourtCase = (): CourtCaseDraft => ({ court: '', caseNumber: '', nextHearingOn: '' });
export const blankSentence = (): SentenceDraft => ({ court: '', startDate: '', years: '', months: 0, days: 0, remandDays: 0, earlyReleaseDays: 0 });
export const blankChild = (): ChildDraft => ({ name: '', age: '', whereabouts: '', carer: '' });

export function identityDraft(i: IdentityIn = {}): IdentityDraft {
  return {
    familyName: s(i.familyName),
    givenName: s(i.givenName),
    patronymic: s(i.patronymic),
    familyNameLatin: s(i.familyNameLatin),
    givenNameLatin: s(i.givenNameLatin),
    patronymicLatin: s(i.patronymicLatin),
    aliases: i.aliases ?? [],
    dateOfBirth: s(i.dateOfBirth),
    placeOfBirth: s(i.placeOfBirth),
    sex: s(i.sex),
    genderIdentity: s(i.genderIdentity),
    nationality: s(i.nationality),
    documents: (i.documents ?? []).map((d) => ({ kind: d.kind, number: d.number, issuedBy: s(d.issuedBy), country: s(d.country), expiresOn: s(d.expiresOn) })),
    languages: i.languages ?? [],
  };
}

export function identityBody(d: IdentityDraft) {
  return {
    familyName: opt(d.familyName),
    givenName: opt(d.givenName),
    patronymic: d.patronymic,
    familyNameLatin: d.familyNameLatin,
    givenNameLatin: d.givenNameLatin,
    patronymicLatin: d.patronymicLatin,
    aliases: d.aliases.filter((a) => a.trim()),
    dateOfBirth: opt(d.dateOfBirth),
    placeOfBirth: d.placeOfBirth,
    sex: opt(d.sex),
    genderIdentity: d.genderIdentity,
    nationality: orNull(d.nationality.toUpperCase()),
    documents: d.documents.map((doc) => ({ kind: doc.kind, number: opt(doc.number), issuedBy: doc.issuedBy, country: orNull(doc.country.toUpperCase()), expiresOn: orNull(doc.expiresOn) })),
    languages: d.languages.filter((l) => l.trim()),
  };
}

export function legalDraft(l: LegalIn = {}): LegalDraft {
  return {
    status: s(l.status),
    charges: (l.charges ?? []).map((c) => ({ offence: c.offence, article: s(c.article), extremismRelated: c.extremismRelated ?? false })),
    courtCases: (l.courtCases ?? []).map((c) => ({ court: c.court, caseNumber: c.caseNumber, nextHearingOn: s(c.nextHearingOn) })),
    lawyerName: s(l.lawyer?.name),
    lawyerPhone: s(l.lawyer?.phone),
    sentences: (l.sentences ?? []).map((x) => ({
      court: s(x.court),
      startDate: x.startDate,
      years: x.years,
      months: x.months,
      days: x.days,
      remandDays: x.remandDays ?? 0,
      earlyReleaseDays: x.earlyReleaseDays ?? 0,
    })),
    commitmentOrders: l.commitmentOrders ?? [],
  };
}

export function legalBody(d: LegalDraft) {
  const hasLawyer = d.lawyerName.trim() !== '' || d.lawyerPhone.trim() !== '';
  return {
    status: opt(d.status),
    charges: d.charges.map((c) => ({ offence: opt(c.offence), article: c.article, extremismRelated: c.extremismRelated })),
    courtCases: d.courtCases.map((c) => ({ court: opt(c.court), caseNumber: opt(c.caseNumber), nextHearingOn: orNull(c.nextHearingOn) })),
    lawyer: hasLawyer ? { name: opt(d.lawyerName), phone: d.lawyerPhone } : null,
    sentences: d.sentences.map((x) => ({
      court: x.court,
      startDate: opt(x.startDate),
      years: num(x.years),
      months: num(x.months) ?? 0,
      days: num(x.days) ?? 0,
      remandDays: num(x.remandDays) ?? 0,
      earlyReleaseDays: num(x.earlyReleaseDays) ?? 0,
    })),
    commitmentOrders: d.commitmentOrders,
  };
}

export function familyDraft(f: FamilyIn = {}): FamilyDraft {
  const e = f.emergencyContact;
  return {
    children: (f.children ?? []).map((c) => ({ name: s(c.name), age: c.age, whereabouts: c.whereabouts, carer: s(c.carer) })),
    emergencyName: s(e?.name),
    emergencyRelationship: s(e?.relationship),
    emergencyPhone: s(e?.phone),
    emergencyAddress: s(e?.address),
  };
}

export function familyBody(d: FamilyDraft) {
  const hasContact = [d.emergencyName, d.emergencyRelationship, d.emergencyPhone, d.emergencyAddress].some((v) => v.trim() !== '');
  return {
    children: d.children.map((c) => ({ name: c.name, age: num(c.age), whereabouts: opt(c.whereabouts), carer: c.carer })),
    emergencyContact: hasContact ? { name: opt(d.emergencyName), relationship: opt(d.emergencyRelationship), phone: d.emergencyPhone, address: d.emergencyAddress } : null,
  };
}

export function admissionDraft(a: AdmissionIn = {}): AdmissionDraft {
  const h = a.health;
  return {
    visibleInjuries: s(a.visibleInjuries),
    illTreatmentComplaint: s(a.illTreatmentComplaint),
    health: {
      selfHarmRisk: h?.selfHarmRisk ?? false,
      mentalHealth: h?.mentalHealth ?? false,
      substanceUse: h?.substanceUse ?? false,
      disability: h?.disability ?? false,
      pregnant: h?.pregnant ?? false,
      breastfeeding: h?.breastfeeding ?? false,
      childrenWithMother: h?.childrenWithMother ?? 0,
      notes: s(h?.notes),
    },
  };
}

/** Bangkok Rules items are asked of women only; for anyone else they are recorded as not applying. */
export function admissionBody(d: AdmissionDraft, sex: string) {
  const woman = sex === 'female';
  return {
    visibleInjuries: d.visibleInjuries,
    illTreatmentComplaint: d.illTreatmentComplaint,
    health: {
      selfHarmRisk: d.health.selfHarmRisk,
      mentalHealth: d.health.mentalHealth,
      substanceUse: d.health.substanceUse,
      disability: d.health.disability,
      pregnant: woman && d.health.pregnant,
      breastfeeding: woman && d.health.breastfeeding,
      childrenWithMother: woman ? (num(d.health.childrenWithMother) ?? 0) : 0,
      notes: d.health.notes,
    },
  };
}

/** The whole file as drafts, for the correction form. */
export interface FileDraft {
  identity: IdentityDraft;
  legal: LegalDraft;
  family: FamilyDraft;
  admission: AdmissionDraft;
  securityCategory: string;
  cellSharingRisk: boolean;
}

export function fileDraft(f: PrisonerFile): FileDraft {
  return {
    identity: identityDraft(f.identity),
    legal: legalDraft(f.legal),
    family: familyDraft(f.family),
    admission: admissionDraft(f.admission),
    securityCategory: f.securityCategory,
    cellSharingRisk: f.cellSharingRisk,
  };
}

export function fileBody(d: FileDraft) {
  return {
    identity: identityBody(d.identity),
    legal: legalBody(d.legal),
    family: familyBody(d.family),
    admission: admissionBody(d.admission, d.identity.sex),
    securityCategory: opt(d.securityCategory),
    cellSharingRisk: d.cellSharingRisk,
  };
}
