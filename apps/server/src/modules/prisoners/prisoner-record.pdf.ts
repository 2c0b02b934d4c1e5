import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake, { type Content, type TableCell } from 'pdfmake';
import type { CalendarDate, Language, Prisoner } from '@vigil/contracts';
import { ageOn } from '../../platform/time/calendar.ts';
import { RECORD_LABELS, type RecordLabels } from './prisoner-record.labels.ts';

/**
 * The printable prisoner record (Mandela Rules 7–8), in the reader's language. The font is
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has every Cyrillic letter Tajik needs
 * (ғ ӣ қ ӯ ҳ ҷ), and pdfkit embeds only the glyphs used, with a ToUnicode map so the text of the
 * PDF can be searched and copied.
 */
type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

pdfmake.setFonts({
  DejaVu: {
    normal: join(FONT_DIR, 'DejaVuSans.ttf'),
    bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
});
// A record is built from our own data only: never fetch a URL, never read a file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

export interface RecordAlert {
  name: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate | null;
  raisedBy: string;
  comment: string | null;
  /** The other prisoner of a link: a name, or null when they are in a facility the reader cannot see. */
  related: string | null;
  hasRelated: boolean;
}

export interface RecordPlacement {
  fromAt: Date;
  toAt: Date | null;
  facilityCode: string;
  path: string | null;
  reason: string;
  movedBy: string;
}

/** Everything the printed record shows, gathered (and access-checked) by the service. */
export interface PrintableRecord {
  language: Language;
  /** The facility's time zone: times are printed as the facility's clocks show them. */
  timeZone: string;
  facility: { code: string; name: string };
  prisoner: Prisoner;
  photo: { contentType: string; bytes: Buffer } | null;
  /** null: the reader may not see alerts at all. */
  alerts: RecordAlert[] | null;
  placements: RecordPlacement[];
  printedBy: string;
  printedAt: Date;
  today: CalendarDate;
}

const locale = (language: Language) => (language === 'en' ? 'en-GB' : language);
const DASH = '—';

function formatters(r: PrintableRecord) {
  const day = new Intl.DateTimeFormat(locale(r.language), { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale(r.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: r.timeZone });
  const regions = new Intl.DisplayNames([locale(r.language)], { type: 'region', fallback: 'code' });
  return {
    date: (d: CalendarDate | null | undefined) => (d ? day.format(new Date(`${d}T00:00:00Z`)) : DASH),
    time: (t: Date | string | null | undefined) => (t ? moment.format(new Date(t)) : DASH),
    country: (code: string | null | undefined) => (code ? `${regions.of(code) ?? code} (${code})` : DASH),
  };
}

const text = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? DASH : String(v));

// Headings carry headlineLevel so pageBreakBefore keeps them with what follows them.
function section(title: string): Content {
  return { text: title, style: 'section', headlineLevel: 1 };
}

/** Label and value pairs as a two-column table. */
function facts(rows: [string, string][]): Content {
  return {
    table: { widths: [170, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6],
  };
}

/** A list as a table with a header row that repeats on every page; an empty list says so. */
function grid(title: string | null, headers: string[], rows: string[][], l: RecordLabels, widths?: (number | '*' | 'auto')[]): Content[] {
  const heading: Content[] = title ? [{ text: title, style: 'subsection', headlineLevel: 1 }] : [];
  if (rows.length === 0) return [...heading, { text: l.noneRecorded, style: 'muted', margin: [0, 0, 0, 6] }];
  const body: TableCell[][] = [headers.map((h) => ({ text: h, style: 'label' })), ...rows.map((r) => r.map((c) => ({ text: c })))];
  return [
    ...heading,
    // The header row repeats on every page and never stands alone at the foot of one.
    { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: widths ?? headers.map(() => '*'), body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 6] },
  ];
}

/** The pdfmake document for a record; pure, so what is printed can be checked without a PDF. */
function recordDocument(r: PrintableRecord): TDocumentDefinitions {
  const l = RECORD_LABELS[r.language];
  const f = formatters(r);
  const p = r.prisoner;
  const file = p.file;
  const id = file.identity;
  const legal = file.legal;
  const yesNo = (b: boolean) => (b ? l.yes : l.no);
  const name = [p.familyName, p.givenName, p.patronymic].filter(Boolean).join(' ');
  const nameLatin = [id.familyNameLatin, id.givenNameLatin, id.patronymicLatin].filter(Boolean).join(' ');

  const header: Content = {
    columns: [
      {
        width: '*',
        stack: [
          { text: `${r.facility.name} (${r.facility.code})`, style: 'muted' },
          { text: l.title, style: 'title' },
          { text: name, style: 'name' },
          ...(nameLatin ? [{ text: nameLatin, style: 'nameLatin' }] : []),
          { text: `${l.prisonNumber}: ${p.prisonNumber}`, bold: true, margin: [0, 4, 0, 0] },
        ],
      },
      r.photo ? { width: 90, image: 'photo', fit: [90, 120] } : { width: 0, text: '' },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 8],
  };

  const status = facts([
    [l.state, l.states[p.state]],
    [l.legalStatus, l.legalStatuses[p.legalStatus]],
    [l.securityCategory, l.securityLevels[p.securityCategory]],
    [l.separation, [l.sexes[p.separation.sex], l.legalStatuses[p.separation.legalStatus], l.ageGroups[p.separation.ageGroup]].join(' · ')],
    [l.location, p.location ? `${p.facilityCode} ${p.location.path}` : `${p.facilityCode} · ${l.notInCell}`],
    [l.admitted, f.time(p.admittedAt)],
    ...(p.releasedAt ? [[l.released, f.time(p.releasedAt)] as [string, string]] : []),
    [l.earliestRelease, f.date(p.releaseDates.earliest)],
    [l.latestRelease, f.date(p.releaseDates.latest)],
    [l.extremismRelated, yesNo(p.extremismRelated)],
    [l.cellSharingRisk, yesNo(p.cellSharingRisk)],
  ]);

  const identity: Content[] = [
    facts([
      [l.dateOfBirth, f.date(id.dateOfBirth)],
      [l.age, String(ageOn(id.dateOfBirth, r.today))],
      [l.placeOfBirth, text(id.placeOfBirth)],
      [l.sex, l.sexes[id.sex]],
      [l.genderIdentity, text(id.genderIdentity)],
      [l.nationality, f.country(id.nationality)],
      [l.aliases, id.aliases.length ? id.aliases.join('; ') : DASH],
      [l.languages, id.languages.length ? id.languages.join(', ') : DASH],
    ]),
    ...grid(
      l.documents,
      [l.kind, l.number, l.issuedBy, l.country, l.validUntil],
      id.documents.map((d) => [l.documentKinds[d.kind], d.number, text(d.issuedBy), f.country(d.country), f.date(d.expiresOn)]),
      l,
    ),
  ];

  const legalPart: Content[] = [
    facts([
      [l.legalStatus, l.legalStatuses[legal.status]],
      [l.lawyer, legal.lawyer ? [legal.lawyer.name, legal.lawyer.phone].filter(Boolean).join(', ') : DASH],
    ]),
    ...grid(
      l.charges,
      [l.offence, l.article, l.extremismRelated],
      legal.charges.map((c) => [c.offence, text(c.article), yesNo(c.extremismRelated)]),
      l,
      ['*', 'auto', 'auto'],
    ),
    ...grid(l.courtCases, [l.court, l.caseNumber, l.nextHearing], legal.courtCases.map((c) => [c.court, c.caseNumber, f.date(c.nextHearingOn)]), l),
    ...grid(
      l.sentences,
      [l.court, l.startDate, l.term, l.remandDays, l.earlyReleaseDays],
      legal.sentences.map((s) => [text(s.court), f.date(s.startDate), l.termValue(s.years, s.months, s.days), String(s.remandDays), String(s.earlyReleaseDays)]),
      l,
    ),
    ...grid(
      l.commitmentOrders,
      [l.kind, l.issuedBy, l.reference, l.issuedOn, l.validUntil],
      legal.commitmentOrders.map((o) => [l.orderKinds[o.kind], o.issuedBy, o.reference, f.date(o.issuedOn), f.date(o.validUntil)]),
      l,
    ),
  ];

  const contact = file.family.emergencyContact;
  const family: Content[] = [
    ...grid(l.children, [l.childName, l.age, l.whereabouts, l.carer], file.family.children.map((c) => [text(c.name), String(c.age), c.whereabouts, text(c.carer)]), l, ['*', 'auto', '*', '*']),
    { text: l.emergencyContact, style: 'subsection', headlineLevel: 1 },
    contact
      ? facts([
          [l.name, contact.name],
          [l.relationship, contact.relationship],
          [l.phone, text(contact.phone)],
          [l.address, text(contact.address)],
        ])
      : { text: l.noneRecorded, style: 'muted', margin: [0, 0, 0, 6] },
  ];

  const health = file.admission.health;
  const flags = (Object.keys(l.health) as (keyof typeof l.health)[]).filter((k) => health[k]).map((k) => l.health[k]);
  if (health.childrenWithMother > 0) flags.push(`${l.childrenWithMother}: ${health.childrenWithMother}`);
  const admission = facts([
    [l.visibleInjuries, text(file.admission.visibleInjuries)],
    [l.illTreatment, text(file.admission.illTreatmentComplaint)],
    [l.healthFlags, flags.length ? flags.join('; ') : l.noneRecorded],
    [l.notes, text(health.notes)],
  ]);

  const alerts: Content[] =
    r.alerts === null
      ? [{ text: l.alertsNotShown, style: 'muted' }]
      : r.alerts.length === 0
        ? [{ text: l.noAlerts, style: 'muted' }]
        : grid(
            null,
            [l.alert, l.from, l.until, l.raisedBy, l.relatedPrisoner, l.comment],
            r.alerts.map((a) => [a.name, f.date(a.startsOn), f.date(a.endsOn), a.raisedBy, a.hasRelated ? (a.related ?? l.inAnotherFacility) : DASH, text(a.comment)]),
            l,
            ['*', 62, 62, 70, 80, '*'],
          );

  const history = grid(
    null,
    [l.from, l.until, l.facility, l.place, l.reason, l.movedBy],
    r.placements.map((pl) => [f.time(pl.fromAt), pl.toAt ? f.time(pl.toAt) : l.now, pl.facilityCode, pl.path ?? l.notInCell, pl.reason, pl.movedBy]),
    l,
    [78, 78, 50, 85, '*', 70],
  );

  const footerText = l.footer(p.version, r.printedBy, f.time(r.printedAt));
  return {
    info: { title: `${l.title}: ${p.prisonNumber}`, author: 'Vigil', subject: l.title, creator: 'Vigil' },
    language: r.language,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'DejaVu', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 2, 0, 2] },
      name: { fontSize: 14, bold: true },
      nameLatin: { fontSize: 11, color: '#333333' },
      section: { fontSize: 12, bold: true, margin: [0, 10, 0, 4], color: '#1a3a5c' },
      subsection: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
      label: { bold: true, color: '#333333' },
      muted: { color: '#555555', italics: true },
    },
    // A heading never ends a page.
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    images: r.photo ? { photo: `data:${r.photo.contentType};base64,${r.photo.bytes.toString('base64')}` } : {},
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
      header,
      section(l.sections.status),
      status,
      section(l.sections.identity),
      ...identity,
      section(l.sections.legal),
      ...legalPart,
      section(l.sections.family),
      ...family,
      section(l.sections.admission),
      admission,
      section(l.sections.alerts),
      ...alerts,
      section(l.sections.history),
      ...history,
    ],
  };
}

/** Renders a record to PDF bytes. */
export function renderRecordPdf(r: PrintableRecord): Promise<Buffer> {
  return pdfmake.createPdf(recordDocument(r)).getBuffer();
}
