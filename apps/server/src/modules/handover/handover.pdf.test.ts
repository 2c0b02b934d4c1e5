import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDOVER_SECTIONS, type HandoverSection, type PackageLanguage } from '@vigil/contracts';
import { renderPackagePdf, type PackageHeading } from './handover.pdf.ts';
import { allowedSections, buildPackage, withheldSections } from './handover.rules.ts';
import { MARKERS, markedSources, pdfText } from './handover.fixtures.ts';

const heading = (language: PackageLanguage, sections: HandoverSection[]): PackageHeading => ({
  language,
  timeZone: 'Asia/Dushanbe',
  facility: 'Муассисаи ислоҳии ЯС 3/1',
  name: 'Раҳимов Ҷамшед',
  nameLatin: 'Rahimov Jamshed',
  prisonNumber: 'TJ-0042',
  plannedReleaseOn: '2027-01-15',
  agency: { name: 'Хадамоти иҷтимоии ноҳияи Кӯлоб', contact: 'Саидова Ҳ.', country: 'TJ' },
  profileName: 'Хадамоти иҷтимоӣ',
  reference: '00000000-0000-4000-8000-000000000009',
  included: allowedSections({ sections }),
  withheld: withheldSections({ sections }),
  issuedBy: 'Каримова Ғ. (case-manager)',
  issuedAt: new Date('2026-12-03T09:30:00Z'),
});

test('a Tajik package for social services has Tajik letters, its parts, and no value of a withheld part', async () => {
  const sections: HandoverSection[] = ['identity', 'accommodation', 'work', 'family'];
  const text = await pdfText(await renderPackagePdf(heading('tg', sections), buildPackage(allowedSections({ sections }), markedSources())));
  for (const letter of ['ҳ', 'ҷ', 'ӣ', 'ӯ', 'қ', 'ғ']) assert.ok(text.includes(letter), `the letter ${letter}`);
  assert.ok(text.includes('Раҳимов Ҷамшед') && text.includes('15.01.2027'), 'the name and the planned release date, dd.mm.yyyy');
  assert.ok(text.includes('Бастаи ҳуҷҷатҳои супоридан ҳангоми озодшавӣ'), 'the title in Tajik');
  for (const section of HANDOVER_SECTIONS) {
    for (const marker of MARKERS[section]) assert.equal(text.includes(marker), sections.includes(section), `${marker} in the PDF`);
  }
  assert.ok(!text.includes('HEALTH-NOTE'));
});

test('every profile shape: a withheld part never reaches the PDF text, in every language', async () => {
  for (const [language, sections] of [['ru', ['identity', 'sentence', 'risk-summary']], ['en', ['identity', 'supervision', 'risk-summary']], ['tg', [...HANDOVER_SECTIONS]]] as [PackageLanguage, HandoverSection[]][]) {
    const text = await pdfText(await renderPackagePdf(heading(language, sections), buildPackage(allowedSections({ sections }), markedSources())));
    for (const section of HANDOVER_SECTIONS) {
      for (const marker of MARKERS[section]) assert.equal(text.includes(marker), sections.includes(section), `${language}: ${marker}`);
    }
  }
});
