import { z } from 'zod';
import { text } from './common.ts';
import { CatalogueProvenance, CatalogueVersionStatus, catalogueChangeFields } from './catalogues.ts';

/**
 * Risk-and-needs instruments (DOMAIN.md §5.4–5.5) are configuration data: versioned entries of the
 * `assessment-instruments` catalogue. Licensed instruments are never shipped; an administrator
 * imports the ones they hold a licence for. The schema is documented in docs/assessments.md.
 */

/** Codes of instruments, domains, items and levels: short slugs, stable across versions. */
export const InstrumentCode = z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'instrument-code-format');
const PartCode = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$/, 'instrument-code-format');

const localised = (max: number) => z.object({ en: text(max), ru: text(max), tg: text(max) }).strict();
export const InstrumentNames = localised(200);
export const InstrumentGuidance = localised(4000);

/**
 * Where the content comes from, shown beside it: `open` is written by the Vigil project and free
 * to use (not a validated tool); `licensed` is loaded by an administrator under their own licence.
 */
export const InstrumentLicence = z
  .object({
    kind: z.enum(['open', 'licensed']),
    /** Who holds the rights or the licence (the Vigil project, or the licensee's organisation). */
    holder: text(200),
    /** The notice shown with the instrument, in each language. */
    notice: localised(1000),
  })
  .strict();

/** One step of an ordered scale: a rating level or a final judgement level. */
export const InstrumentLevel = z.object({ code: PartCode, names: InstrumentNames }).strict();
export type InstrumentLevel = z.infer<typeof InstrumentLevel>;

export const RatingScale = z
  .object({
    /** Ordered from lowest to highest. */
    levels: z.array(InstrumentLevel).min(2).max(10),
    /** Whether "not enough information to rate" may be recorded instead of a level. */
    allowsUnknown: z.boolean(),
  })
  .strict();

export const InstrumentDomain = z
  .object({
    code: PartCode,
    names: InstrumentNames,
    /** Every item of the domain is asked of women only (Bangkok Rules); absent means false. */
    womenOnly: z.boolean().optional(),
  })
  .strict();

/**
 * Bangkok Rules (gender-specific needs): an item is asked of a woman always, of a man only when
 * neither it nor its domain is marked women-only.
 */
export function itemApplies(def: { domains: { code: string; womenOnly?: boolean | undefined }[] }, item: { domain: string; womenOnly: boolean }, sex: 'male' | 'female'): boolean {
  if (sex === 'female') return true;
  return !item.womenOnly && !def.domains.some((d) => d.code === item.domain && d.womenOnly);
}

export const InstrumentItem = z
  .object({
    code: PartCode,
    /** The code of the domain it belongs to. */
    domain: PartCode,
    names: InstrumentNames,
    guidance: InstrumentGuidance,
    scale: RatingScale,
    /** A protective (risk-mitigating) factor, rated and shown apart from the risk factors. */
    protective: z.boolean(),
    /** Asked of women only (Bangkok Rules: gender-specific needs). */
    womenOnly: z.boolean(),
  })
  .strict();

const definitionShape = {
  code: InstrumentCode,
  names: InstrumentNames,
  licence: InstrumentLicence,
  domains: z.array(InstrumentDomain).min(1).max(50),
  items: z.array(InstrumentItem).min(1).max(500),
  /** The structured professional judgement the assessor records, lowest first; never computed. */
  judgementLevels: z.array(InstrumentLevel).min(2).max(10),
  /** Months until an assessment with this instrument is due for review. */
  reviewIntervalMonths: z.number().int().min(1).max(60),
};

type Issue = { path: (string | number)[]; message: string };

/** Codes that appear more than once in a list, each reported at its second and later places. */
function duplicates<T extends { code: string }>(list: readonly T[], path: (string | number)[]): Issue[] {
  const seen = new Set<string>();
  return list.flatMap((x, i) => {
    if (!seen.has(x.code)) return (seen.add(x.code), []);
    return [{ path: [...path, i, 'code'], message: 'instrument-code-duplicate' }];
  });
}

/**
 * The checks across the definition that a field alone cannot make: codes unique in their list,
 * every item in a domain that exists, every domain with an item.
 */
export function definitionIssues(d: { domains: { code: string }[]; items: { code: string; domain: string; scale: { levels: { code: string }[] } }[]; judgementLevels: { code: string }[] }): Issue[] {
  const domains = new Set(d.domains.map((x) => x.code));
  const used = new Set(d.items.map((i) => i.domain));
  return [
    ...duplicates(d.domains, ['domains']),
    ...duplicates(d.items, ['items']),
    ...duplicates(d.judgementLevels, ['judgementLevels']),
    ...d.items.flatMap((item, i) => duplicates(item.scale.levels, ['items', i, 'scale', 'levels'])),
    ...d.items.flatMap((item, i) => (domains.has(item.domain) ? [] : [{ path: ['items', i, 'domain'], message: 'instrument-domain-unknown' }])),
    ...d.domains.flatMap((dom, i) => (used.has(dom.code) ? [] : [{ path: ['domains', i, 'code'], message: 'instrument-domain-empty' }])),
  ];
}

/** One version of an instrument as imported and stored: the whole definition, code included. */
export const InstrumentDefinition = z
  .object(definitionShape)
  .strict()
  .superRefine((d, ctx) => {
    for (const issue of definitionIssues(d)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;

/** An instrument at one version, with where that version comes from. */
export const Instrument = z.object({
  definition: InstrumentDefinition,
  code: z.string(),
  ...CatalogueProvenance.shape,
  status: CatalogueVersionStatus,
});
export type Instrument = z.infer<typeof Instrument>;
export const InstrumentList = z.object({ items: z.array(Instrument) });

/** The largest instrument JSON accepted (a licensed instrument's guidance text is long, but not this long). */
export const INSTRUMENT_IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * An import: a new instrument, or a new version of one (same code). The definition is checked by
 * the server, so a malformed one is refused with every fault's path (422), not as a bad request.
 */
export const ImportInstrumentBody = z
  .object({
    definition: z.unknown().describe('An instrument definition: see docs/assessments.md'),
    ...catalogueChangeFields,
  })
  .strict();
export const InstrumentParams = z.object({ code: InstrumentCode }).strict();
