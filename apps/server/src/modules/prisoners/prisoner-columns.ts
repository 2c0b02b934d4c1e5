import type { PrisonerFile } from '@vigil/contracts';
import { isExtremismRelated, releaseDates } from './prisoners.rules.ts';
import { searchTermsFor } from './name-search.ts';

/** The columns kept beside the file document: what rules, scope and search read. */
export function fileColumns(file: PrisonerFile) {
  const { identity, legal } = file;
  const dates = releaseDates(legal.sentences);
  return {
    family_name: identity.familyName,
    given_name: identity.givenName,
    patronymic: identity.patronymic ?? null,
    family_name_latin: identity.familyNameLatin ?? null,
    given_name_latin: identity.givenNameLatin ?? null,
    patronymic_latin: identity.patronymicLatin ?? null,
    date_of_birth: identity.dateOfBirth,
    sex: identity.sex,
    legal_status: legal.status,
    security_category: file.securityCategory,
    cell_sharing_risk: file.cellSharingRisk,
    extremism_related: isExtremismRelated(file),
    nationality: identity.nationality ?? null,
    earliest_release_date: dates.earliest,
    latest_release_date: dates.latest,
    file: JSON.stringify(file),
  };
}

/** Every name, alias and number of the file as search terms (name-search.ts). */
export function searchTermsOfFile(prisonNumber: string, file: PrisonerFile) {
  const i = file.identity;
  return searchTermsFor({
    prisonNumber,
    familyName: i.familyName,
    givenName: i.givenName,
    patronymic: i.patronymic ?? null,
    familyNameLatin: i.familyNameLatin ?? null,
    givenNameLatin: i.givenNameLatin ?? null,
    patronymicLatin: i.patronymicLatin ?? null,
    aliases: i.aliases,
    documentNumbers: i.documents.map((d) => d.number),
  });
}
