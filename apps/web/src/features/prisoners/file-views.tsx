import type { ReactNode } from 'react';
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Prisoner, PrisonerFile } from '@vigil/contracts';
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

function SimpleTable({ head, rows, testId }: { head: string[]; rows: ReactNode[][]; testId?: string }) {
  if (rows.length === 0) return <Empty />;
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, i) => (
            <Table.Tr key={i}>
              {cells.map((c, j) => (
                <Table.Td key={j}>{c === null || c === undefined || c === '' ? '—' : c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
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
        <SimpleTable
          head={[t('prisoners.identity.documentKind'), t('prisoners.identity.documentNumber'), t('prisoners.identity.documentIssuedBy'), t('prisoners.identity.documentCountry'), t('prisoners.identity.documentExpires')]}
          rows={i.documents.map((d) => [t(`prisoners.documentKinds.${d.kind}`), d.number, d.issuedBy, d.country ? countryName(d.country, i18n.language, t) : null, d.expiresOn ? formatDate(d.expiresOn, i18n.language) : null])}
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
        <SimpleTable
          head={[t('reception.commitment.kind'), t('reception.commitment.issuedBy'), t('reception.commitment.reference'), t('reception.commitment.issuedOn'), t('reception.commitment.validUntil')]}
          rows={legal.commitmentOrders.map((o) => [t(`reception.commitment.kinds.${o.kind}`), o.issuedBy, o.reference, date(o.issuedOn), date(o.validUntil)])}
          testId="commitment-orders-table"
        />
      </Section>
      <Section title={t('prisoners.legal.charges')}>
        <SimpleTable
          head={[t('prisoners.legal.offence'), t('prisoners.legal.article'), t('prisoners.legal.extremismRelated')]}
          rows={legal.charges.map((c) => [c.offence, c.article, c.extremismRelated ? <Badge color="red.9">{t('common.yes')}</Badge> : t('common.no')])}
          testId="charges-table"
        />
      </Section>
      <Section title={t('prisoners.legal.courtCases')}>
        <SimpleTable head={[t('prisoners.legal.court'), t('prisoners.legal.caseNumber'), t('prisoners.legal.nextHearingOn')]} rows={legal.courtCases.map((c) => [c.court, c.caseNumber, date(c.nextHearingOn)])} />
      </Section>
      <Section title={t('prisoners.legal.sentences')}>
        <SimpleTable
          head={[t('prisoners.legal.court'), t('prisoners.legal.startDate'), t('prisoners.legal.length'), t('prisoners.legal.remandDays'), t('prisoners.legal.earlyReleaseDays')]}
          rows={legal.sentences.map((x) => [x.court, date(x.startDate), t('prisoners.legal.lengthValue', { years: x.years, months: x.months, days: x.days }), x.remandDays, x.earlyReleaseDays])}
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
        <SimpleTable head={[t('prisoners.family.childName'), t('prisoners.family.childAge'), t('prisoners.family.whereabouts'), t('prisoners.family.carer')]} rows={family.children.map((c) => [c.name, c.age, c.whereabouts, c.carer])} />
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
