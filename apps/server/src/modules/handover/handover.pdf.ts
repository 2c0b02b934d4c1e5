import type { Content, TableCell } from 'pdfmake';
import type { CalendarDate, HandoverSection, PackageLanguage } from '@vigil/contracts';
import { PDF_FONT, renderPdf, type PdfDocument } from '../../platform/pdf/pdf.ts';
import { PACKAGE_LABELS, type PackageLabels } from './handover.labels.ts';
import type { HandoverPackage } from './handover.rules.ts';

/**
 * Who the package is about and whom it is for: on every package, whatever the profile allows, so
 * the recipient knows whom the parts concern and who sent them.
 */
export interface PackageHeading {
  language: PackageLanguage;
  timeZone: string;
  facility: string;
  name: string;
  nameLatin: string | null;
  prisonNumber: string;
  plannedReleaseOn: CalendarDate;
  agency: { name: string; contact: string | null; country: string | null };
  profileName: string;
  reference: string;
  included: HandoverSection[];
  withheld: HandoverSection[];
  issuedBy: string;
  issuedAt: Date;
}

const DASH = '—';
const text = (v: string | null | undefined) => (v ? v : DASH);
const locale = (language: PackageLanguage) => (language === 'en' ? 'en-GB' : language);

function formatters(h: PackageHeading) {
  const regions = new Intl.DisplayNames([locale(h.language)], { type: 'region', fallback: 'code' });
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: h.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // dd.mm.yyyy in every language, as the screens show dates.
  const date = (d: CalendarDate | null | undefined) => (d ? d.split('-').reverse().join('.') : DASH);
  const day = (t: Date) => date(new Intl.DateTimeFormat('sv-SE', { timeZone: h.timeZone }).format(t));
  return {
    date,
    moment: (t: Date) => `${day(t)} ${clock.format(t)}`,
    country: (code: string | null | undefined) => (code ? `${regions.of(code) ?? code} (${code})` : DASH),
  };
}

function section(title: string): Content {
  return { text: title, style: 'section', headlineLevel: 1 };
}

function facts(rows: [string, string][]): Content {
  return { table: { widths: [170, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 6] };
}

function grid(l: PackageLabels, headers: string[], rows: string[][]): Content {
  if (rows.length === 0) return { text: l.noneRecorded, style: 'muted', margin: [0, 0, 0, 6] };
  const body: TableCell[][] = [headers.map((h) => ({ text: h, style: 'label' })), ...rows.map((r) => r.map((c) => ({ text: c })))];
  return { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: headers.map(() => '*'), body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 6] };
}

const paragraph = (l: PackageLabels, value: string | null): Content => (value ? { text: value, margin: [0, 0, 0, 6] } : { text: l.noneRecorded, style: 'muted', margin: [0, 0, 0, 6] });

/** Each part as the package shows it; only the parts present in the package are drawn. */
function partContent(p: HandoverPackage, l: PackageLabels, f: ReturnType<typeof formatters>): Partial<Record<HandoverSection, Content[]>> {
  const yesNo = (b: boolean) => (b ? l.yes : l.no);
  return {
    ...(p.identity && {
      identity: [
        facts([
          [l.dateOfBirth, f.date(p.identity.dateOfBirth)],
          [l.placeOfBirth, text(p.identity.placeOfBirth)],
          [l.nationality, f.country(p.identity.nationality)],
          [l.aliases, p.identity.aliases.join('; ') || DASH],
          [l.languages, p.identity.languages.join(', ') || DASH],
        ]),
        { text: l.documents, style: 'subsection' },
        grid(l, [l.kind, l.number, l.country], p.identity.documents.map((d) => [l.documentKinds[d.kind], d.number, f.country(d.country)])),
      ],
    }),
    ...(p.sentence && {
      sentence: [
        facts([
          [l.legalStatus, l.legalStatuses[p.sentence.legalStatus]],
          [l.earliestRelease, f.date(p.sentence.earliestReleaseOn)],
          [l.latestRelease, f.date(p.sentence.latestReleaseOn)],
        ]),
        { text: l.offences, style: 'subsection' },
        grid(l, [l.offence, l.article], p.sentence.offences.map((o) => [o.offence, text(o.article)])),
        { text: l.sentences, style: 'subsection' },
        grid(l, [l.court, l.startDate, l.term], p.sentence.sentences.map((s) => [text(s.court), f.date(s.startDate), l.termValue(s.years, s.months, s.days)])),
      ],
    }),
    ...(p.accommodation && {
      accommodation: [
        facts([
          [l.accommodationKind, l.accommodationKinds[p.accommodation.kind]],
          [l.address, text(p.accommodation.address)],
          [l.confirmed, yesNo(p.accommodation.confirmed)],
        ]),
      ],
    }),
    ...(p.work !== undefined && { work: [paragraph(l, p.work)] }),
    ...(p.family && { family: [grid(l, [l.name, l.relationship, l.phone, l.address], p.family.map((c) => [c.name, c.relationship, text(c.phone), text(c.address)]))] }),
    ...(p.supervision && {
      supervision: [
        { text: l.conditions, style: 'subsection' },
        p.supervision.conditions.length ? { ol: p.supervision.conditions, margin: [0, 0, 0, 6] } : paragraph(l, null),
        { text: l.agencies, style: 'subsection' },
        p.supervision.agencies.length ? { ul: p.supervision.agencies, margin: [0, 0, 0, 6] } : paragraph(l, null),
      ],
    }),
    ...(p['risk-summary'] !== undefined && { 'risk-summary': [paragraph(l, p['risk-summary'])] }),
    ...(p.assessment !== undefined && {
      assessment: [
        p.assessment
          ? facts([
              [l.instrument, p.assessment.instrument],
              [l.judgement, p.assessment.judgement],
              [l.approvedOn, f.date(p.assessment.approvedOn)],
              [l.nextReview, f.date(p.assessment.nextReviewOn)],
            ])
          : { text: l.noAssessment, style: 'muted', margin: [0, 0, 0, 6] },
      ],
    }),
    ...(p.alerts && { alerts: [grid(l, [l.alert, l.since], p.alerts.map((a) => [a.name, f.date(a.startsOn)]))] }),
  };
}

/** The pdfmake document; drawn from the heading and the (already redacted) package only. */
export function packageDocument(h: PackageHeading, p: HandoverPackage): PdfDocument {
  const l = PACKAGE_LABELS[h.language];
  const f = formatters(h);
  const parts = partContent(p, l, f);
  const sectionNames = (list: HandoverSection[]) => list.map((s) => l.sections[s]).join('; ') || DASH;
  const footerText = l.footer(h.issuedBy, f.moment(h.issuedAt));
  return {
    info: { title: `${l.title}: ${h.prisonNumber}`, author: 'Vigil', subject: l.title, creator: 'Vigil' },
    language: h.language,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 2, 0, 2] },
      name: { fontSize: 14, bold: true },
      section: { fontSize: 12, bold: true, margin: [0, 10, 0, 4], color: '#1a3a5c' },
      subsection: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
      label: { bold: true, color: '#333333' },
      muted: { color: '#555555', italics: true },
    },
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    header: () => ({ text: l.confidential, alignment: 'right', fontSize: 7, color: '#555555', margin: [40, 20, 40, 0] }),
    footer: (current: number, count: number) => ({
      columns: [
        { text: footerText, width: '*' },
        { text: l.page(current, count), width: 'auto', alignment: 'right' },
      ],
      fontSize: 7,
      color: '#333333',
      margin: [40, 16, 40, 0],
    }),
    content: [
      { text: h.facility, style: 'muted' },
      { text: l.title, style: 'title' },
      { text: h.name, style: 'name' },
      ...(h.nameLatin ? [{ text: h.nameLatin }] : []),
      facts([
        [l.prisonNumber, h.prisonNumber],
        [l.plannedRelease, f.date(h.plannedReleaseOn)],
        [l.agency, h.agency.name],
        [l.contact, text(h.agency.contact)],
        [l.country, f.country(h.agency.country)],
        [l.profile, h.profileName],
        [l.reference, h.reference],
        [l.included, sectionNames(h.included)],
        [l.withheld, sectionNames(h.withheld)],
      ]),
      ...(h.withheld.length ? [{ text: l.withheldNote, style: 'muted', margin: [0, 0, 0, 6] } as Content] : []),
      ...h.included.flatMap((s) => [section(l.sections[s]), ...(parts[s] ?? [])]),
    ],
  };
}

export const renderPackagePdf = (h: PackageHeading, p: HandoverPackage) => renderPdf(packageDocument(h, p));
