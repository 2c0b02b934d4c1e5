import type { TFunction } from 'i18next';
import { problemCodeText } from '../prisoners/problem-fields.ts';

// Which message names a path the server lists (first match wins); `$1` is the field name.
const LABELS: [RegExp, string][] = [
  [/^identity\.documents\.\d+\.(\w+)$/, 'prisoners.identity.documents'],
  [/^identity\.(\w+)/, 'prisoners.identity.$1'],
  [/^legal\.(status|charges|courtCases|sentences|lawyer)\b/, 'prisoners.legal.$1'],
  [/^commitmentOrder\.(kind|issuedBy|reference|issuedOn|validUntil)$/, 'reception.commitment.$1'],
  [/^commitmentOrder/, 'reception.commitment.title'],
  [/^securityCategory$/, 'prisoners.securityCategory'],
  [/^cellSharingRisk$/, 'prisoners.cellSharingRisk'],
  [/^admission/, 'prisoners.sections.admission'],
  [/^family/, 'prisoners.sections.family'],
  [/^propertySignedOff$/, 'reception.property.signedOff'],
  [/^property/, 'reception.property.title'],
  [/^search/, 'reception.search.title'],
  [/^familyNotification/, 'reception.notification.title'],
  [/^rights\.acknowledged$/, 'reception.rights.acknowledged'],
  [/^rights/, 'reception.rights.title'],
  [/^prisonNumber$/, 'reception.review.prisonNumber'],
  [/^existingPrisonerId$/, 'reception.review.linkTitle'],
];

/** A path from the server ("data.identity.dateOfBirth") as the name of the field on screen. */
export function pathLabel(path: string, t: TFunction): string {
  const clean = path.replace(/^(body\.)?(data\.)?/, '');
  for (const [pattern, key] of LABELS) {
    const m = pattern.exec(clean);
    if (m) return t(key.replace('$1', m[1] ?? ''), { defaultValue: clean });
  }
  return clean;
}

/** Why it is missing: a problem code in the user's language, a reception reason, a field message, or "not valid". */
export function reasonText(code: string, t: TFunction, language: string): string {
  return problemCodeText(code, language) ?? t(`reception.reasons.${code}`, { defaultValue: t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') }) });
}
