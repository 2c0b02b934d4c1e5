import type { ReactNode } from 'react';
import { Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Prisoner, PrisonerFile } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { Facts } from './facts.tsx';
import { countryName } from '../../i18n/dates.ts';
import { formatDate } from './prisoner-format.ts';

const yesNo = (value: boolean, t: (k: string) => string) => (value ? t('common.yes') : t('common.no'));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('prisoners.form.noneRecorded')}
    </Text>
  );
}

/** Entries of the file (documents, charges…) have no ids of their own: their place in the list keys them. */
type Numbered<T> = T & { n: number };
const numbered = <T extends object>(rows: readonly T[]): Numbered<T>[] => rows.map((row, n) => ({ ...row, n }));
const orDash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

/** One list in the file, or "none recorded". */
function FileTable<T extends object>({ rows, columns, label, testId }: { rows: readonly T[]; columns: DataColumn<Numbered<T>>[]; label: string; testId?: string }) {
  const { t } = useTranslation();
  return <DataTable columns={columns} rows={numbered(rows)} rowKey={(r) => String(r.n)} label={label} empty={t('prisoners.form.noneRecorded')} minWidth={500} testId={testId} />;
}

export function IdentityView({ identity }: { identity: PrisonerFile['identity'] }) {
  const { t, i18n } = useTranslation();
  const i = identity;
  return (
    <Stack data-testid="identity-view">
      <Facts
        items={[
          [t('prisoners.identity.familyName'), i.familyName],
          [t('prisoners.identity.givenName'), i.givenName],
          [t('prisoners.identity.patronymic'), i.patronymic],
          [t('prisoners.identity.familyNameLatin'), i.familyNameLatin],
          [t('prisoners.identity.givenNameLatin'), i.givenNameLatin],
          [t('prisoners.identity.patronymicLatin'), i.patronymicLatin],
          [t('prisoners.identity.aliases'), i.aliases.join(', ')],
          [t('prisoners.identity.dateOfBirth'), formatDate(i.dateOfBirth, i18n.language)],
          [t('prisoners.identity.placeOfBirth'), i.placeOfBirth],
          [t('prisoners.identity.sex'), t(`prisoners.sex.${i.sex}`)],
          [t('prisoners.identity.genderIdentity'), i.genderIdentity],
          [t('prisoners.identity.nationality'), i.nationality ? countryName(i.nationality, i18n.language, t) : null],
          [t('prisoners.identity.languages'), i.languages.join(', ')],
        ]}
      />
      <Section title={t('prisoners.identity.documents')}>
        <FileTable
          label={t('prisoners.identity.documents')}
          rows={i.documents}
          columns={[
            { key: 'kind', header: 'prisoners.identity.documentKind', cell: (d) => t(`prisoners.documentKinds.${d.kind}`) },
            { key: 'number', header: 'prisoners.identity.documentNumber', rowHeader: true, cell: (d) => d.number },
            { key: 'issuedBy', header: 'prisoners.identity.documentIssuedBy', cell: (d) => orDash(d.issuedBy) },
            { key: 'country', header: 'prisoners.identity.documentCountry', cell: (d) => (d.country ? countryName(d.country, i18n.language, t) : '—') },
            { key: 'expiresOn', header: 'prisoners.identity.documentExpires', nowrap: true, sortValue: (d) => d.expiresOn, cell: (d) => formatDate(d.expiresOn, i18n.language) },
          ]}
        />
      </Section>
    </Stack>
  );
}

export function LegalView({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const legal = prisoner.file.legal;
  const date = (d: string | null | undefined) => (d ? formatDate(d, i18n.language) : null);
  return (
    <Stack data-testid="legal-view">
      <Facts
        items={[
          [t('prisoners.legal.status'), t(`prisoners.legalStatus.${legal.status}`)],
          [t('prisoners.legal.lawyer'), legal.lawyer ? [legal.lawyer.name, legal.lawyer.phone].filter(Boolean).join(', ') : null],
          [t('prisoners.tags.earliestRelease'), date(prisoner.releaseDates.earliest)],
          [t('prisoners.tags.latestRelease'), date(prisoner.releaseDates.latest)],
        ]}
        cols={4}
      />
      <Section title={t('prisoners.legal.commitmentOrders')}>
        <FileTable
          label={t('prisoners.legal.commitmentOrders')}
          rows={legal.commitmentOrders}
          columns={[
            { key: 'kind', header: 'reception.commitment.kind', cell: (o) => t(`reception.commitment.kinds.${o.kind}`) },
            { key: 'issuedBy', header: 'reception.commitment.issuedBy', cell: (o) => orDash(o.issuedBy) },
            { key: 'reference', header: 'reception.commitment.reference', rowHeader: true, nowrap: true, cell: (o) => o.reference },
            { key: 'issuedOn', header: 'reception.commitment.issuedOn', nowrap: true, sortValue: (o) => o.issuedOn, cell: (o) => orDash(date(o.issuedOn)) },
            { key: 'validUntil', header: 'reception.commitment.validUntil', nowrap: true, sortValue: (o) => o.validUntil, cell: (o) => orDash(date(o.validUntil)) },
          ]}
          testId="commitment-orders-table"
        />
      </Section>
      <Section title={t('prisoners.legal.charges')}>
        <FileTable
          label={t('prisoners.legal.charges')}
          rows={legal.charges}
          columns={[
            { key: 'offence', header: 'prisoners.legal.offence', rowHeader: true, cell: (c) => c.offence },
            { key: 'article', header: 'prisoners.legal.article', cell: (c) => orDash(c.article) },
            { key: 'extremism', header: 'prisoners.legal.extremismRelated', cell: (c) => (c.extremismRelated ? <Badge color="red.9">{t('common.yes')}</Badge> : t('common.no')) },
          ]}
          testId="charges-table"
        />
      </Section>
      <Section title={t('prisoners.legal.courtCases')}>
        <FileTable
          label={t('prisoners.legal.courtCases')}
          rows={legal.courtCases}
          columns={[
            { key: 'court', header: 'prisoners.legal.court', cell: (c) => c.court },
            { key: 'caseNumber', header: 'prisoners.legal.caseNumber', rowHeader: true, nowrap: true, cell: (c) => c.caseNumber },
            { key: 'nextHearingOn', header: 'prisoners.legal.nextHearingOn', nowrap: true, sortValue: (c) => c.nextHearingOn, cell: (c) => orDash(date(c.nextHearingOn)) },
          ]}
        />
      </Section>
      <Section title={t('prisoners.legal.sentences')}>
        <FileTable
          label={t('prisoners.legal.sentences')}
          rows={legal.sentences}
          columns={[
            { key: 'court', header: 'prisoners.legal.court', cell: (x) => orDash(x.court) },
            { key: 'startDate', header: 'prisoners.legal.startDate', rowHeader: true, nowrap: true, sortValue: (x) => x.startDate, cell: (x) => orDash(date(x.startDate)) },
            { key: 'length', header: 'prisoners.legal.length', cell: (x) => t('prisoners.legal.lengthValue', { years: x.years, months: x.months, days: x.days }) },
            { key: 'remandDays', header: 'prisoners.legal.remandDays', numeric: true, cell: (x) => x.remandDays },
            { key: 'earlyReleaseDays', header: 'prisoners.legal.earlyReleaseDays', numeric: true, cell: (x) => x.earlyReleaseDays },
          ]}
          testId="sentences-table"
        />
        {legal.sentences.length > 0 && (
          <Text size="sm" data-testid="release-dates">
            {t('prisoners.legal.computedRelease', { earliest: date(prisoner.releaseDates.earliest) ?? '—', latest: date(prisoner.releaseDates.latest) ?? '—' })}
          </Text>
        )}
      </Section>
    </Stack>
  );
}

export function FamilyView({ family }: { family: PrisonerFile['family'] }) {
  const { t } = useTranslation();
  const e = family.emergencyContact;
  return (
    <Stack data-testid="family-view">
      <Section title={t('prisoners.family.children')}>
        <FileTable
          label={t('prisoners.family.children')}
          rows={family.children}
          columns={[
            { key: 'name', header: 'prisoners.family.childName', rowHeader: true, cell: (c) => orDash(c.name) },
            { key: 'age', header: 'prisoners.family.childAge', numeric: true, sortValue: (c) => c.age, cell: (c) => c.age },
            { key: 'whereabouts', header: 'prisoners.family.whereabouts', cell: (c) => c.whereabouts },
            { key: 'carer', header: 'prisoners.family.carer', cell: (c) => orDash(c.carer) },
          ]}
        />
      </Section>
      <Section title={t('prisoners.family.emergencyContact')}>
        {e ? (
          <Facts
            items={[
              [t('prisoners.family.contactName'), e.name],
              [t('prisoners.family.relationship'), e.relationship],
              [t('prisoners.family.phone'), e.phone],
              [t('prisoners.family.address'), e.address],
            ]}
            cols={4}
          />
        ) : (
          <Empty />
        )}
      </Section>
    </Stack>
  );
}

export function AdmissionView({ admission, sex }: { admission: PrisonerFile['admission']; sex: string }) {
  const { t } = useTranslation();
  const h = admission.health;
  const flags: [string, ReactNode][] = [
    [t('prisoners.health.selfHarmRisk'), yesNo(h.selfHarmRisk, t)],
    [t('prisoners.health.mentalHealth'), yesNo(h.mentalHealth, t)],
    [t('prisoners.health.substanceUse'), yesNo(h.substanceUse, t)],
    [t('prisoners.health.disability'), yesNo(h.disability, t)],
  ];
  if (sex === 'female') {
    flags.push(
      [t('prisoners.health.pregnant'), yesNo(h.pregnant, t)],
      [t('prisoners.health.breastfeeding'), yesNo(h.breastfeeding, t)],
      [t('prisoners.health.childrenWithMother'), String(h.childrenWithMother)],
    );
  }
  return (
    <Stack data-testid="admission-view">
      <Facts
        items={[
          [t('prisoners.admission.visibleInjuries'), admission.visibleInjuries],
          [t('prisoners.admission.illTreatmentComplaint'), admission.illTreatmentComplaint],
        ]}
        cols={2}
      />
      <Section title={t('prisoners.health.title')}>
        <Facts items={flags} cols={4} />
        {h.notes && <Text size="sm">{h.notes}</Text>}
      </Section>
    </Stack>
  );
}
