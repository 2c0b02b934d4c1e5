import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CalendarDate, Sex } from './prisoners.ts';

/**
 * Searches, finds and evidence (issue 10; DOMAIN.md §6.4; docs/searches.md): searches of cells,
 * areas, vehicles and people with who searched and witnessed it, the reason and the result
 * (Mandela Rule 51); what was found; evidence bags with their chain of custody; each wing's search
 * schedule and the cells overdue; the finds heat map and trends.
 */

export const SEARCH_TYPES = ['rub-down', 'full', 'cell', 'area', 'vehicle'] as const;
export const SearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchType>;
/** Searches of a person: the same-sex rule applies (Mandela Rule 52(1), Bangkok Rule 19). */
export const PERSON_SEARCH_TYPES = ['rub-down', 'full'] as const satisfies readonly SearchType[];

export const SEARCH_BASES = ['scheduled', 'intelligence-led', 'suspicion', 'random'] as const;
export const SearchBasis = z.enum(SEARCH_BASES);
export type SearchBasis = z.infer<typeof SearchBasis>;

export const SEARCH_RESULTS = ['nothing-found', 'items-found', 'refused', 'not-completed'] as const;
export const SearchResult = z.enum(SEARCH_RESULTS);
export type SearchResult = z.infer<typeof SearchResult>;

export const FIND_CATEGORIES = ['phone-sim', 'drugs', 'weapon', 'extremist-material', 'cash', 'alcohol', 'tools', 'other'] as const;
export const FindCategory = z.enum(FIND_CATEGORIES);
export type FindCategory = z.infer<typeof FindCategory>;

export const BAG_STATUSES = ['held', 'with-police', 'disposed'] as const;
export const BagStatus = z.enum(BAG_STATUSES);
export type BagStatus = z.infer<typeof BagStatus>;

export const CUSTODY_STEP_KINDS = ['bagged', 'handed-over', 'police-handover', 'disposed'] as const;
export const CustodyStepKind = z.enum(CUSTODY_STEP_KINDS);
export type CustodyStepKind = z.infer<typeof CustodyStepKind>;

export const StaffMember = z.object({ id: Id, familyName: z.string(), givenName: z.string(), sex: Sex.nullable() });
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ items: z.array(StaffMember) });

const PrisonerRef = z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable(), sex: Sex });
const PlaceRef = z.object({ id: Id, path: z.string(), name: z.string(), kind: z.string() });

export const RecordSearchBody = z
  .object({
    facilityId: Id,
    type: SearchType,
    basis: SearchBasis,
    reason: text(1000),
    locationId: Id.nullable().default(null),
    prisonerId: Id.nullable().default(null),
    visitorName: optionalText(200),
    visitorSex: Sex.nullable().default(null),
    vehicle: optionalText(100),
    /** When the search began; now when not given. Never in the future. */
    searchedAt: z.iso.datetime({ offset: true }).optional(),
    searcherIds: z.array(Id).min(1).max(10),
    witnessIds: z.array(Id).max(10).default([]),
    result: SearchResult,
    notes: optionalText(2000),
  })
  .strict();
export type RecordSearchBody = z.infer<typeof RecordSearchBody>;

export const Search = z.object({
  id: Id,
  facilityId: Id,
  type: SearchType,
  basis: SearchBasis,
  reason: z.string(),
  place: PlaceRef.nullable(),
  prisoner: PrisonerRef.nullable(),
  visitorName: z.string().nullable(),
  visitorSex: Sex.nullable(),
  vehicle: z.string().nullable(),
  searchedAt: Timestamp,
  result: SearchResult,
  notes: z.string().nullable(),
  searchers: z.array(StaffMember),
  witnesses: z.array(StaffMember),
  finds: z.number().int(),
  recordedBy: Id,
  version: Version,
});
export type Search = z.infer<typeof Search>;

export const SearchListQuery = z
  .object({
    facilityId: Id,
    type: SearchType.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();
export const SearchList = z.object({ items: z.array(Search) });

export const RecordFindBody = z
  .object({
    category: FindCategory,
    description: text(1000),
    quantity: z.number().int().min(1).max(100000),
    /** Where it was found: the search's place when not given. */
    locationId: Id.nullable().default(null),
    /** Whose it was: the prisoner searched when not given. */
    prisonerId: Id.nullable().default(null),
  })
  .strict();
export type RecordFindBody = z.infer<typeof RecordFindBody>;

export const FindPhoto = z.object({ id: Id, sha256: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: Timestamp });
export type FindPhoto = z.infer<typeof FindPhoto>;

export const Find = z.object({
  id: Id,
  searchId: Id,
  facilityId: Id,
  category: FindCategory,
  description: z.string(),
  quantity: z.number().int(),
  place: PlaceRef.nullable(),
  prisoner: PrisonerRef.nullable(),
  foundAt: Timestamp,
  bag: z.object({ id: Id, number: z.string() }).nullable(),
  photos: z.array(FindPhoto),
});
export type Find = z.infer<typeof Find>;
export const FindList = z.object({ items: z.array(Find) });

/** A photo of a find, sent as base64 (at most 5 MB once decoded); its SHA-256 is kept with it. */
export const AddPhotoBody = z
  .object({
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    data: z.string().min(8).max(7_000_000).regex(/^[A-Za-z0-9+/]+=*$/, 'photo-base64'),
  })
  .strict();

export const CustodyStep = z.object({
  seq: z.number().int(),
  kind: CustodyStepKind,
  from: StaffMember.nullable(),
  to: StaffMember.nullable(),
  signedBy: StaffMember,
  externalParty: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  photoHashes: z.array(z.string()),
  at: Timestamp,
});
export type CustodyStep = z.infer<typeof CustodyStep>;

export const EvidenceBag = z.object({
  id: Id,
  facilityId: Id,
  number: z.string(),
  searchId: Id,
  status: BagStatus,
  holder: StaffMember.nullable(),
  seal: z.string().nullable(),
  createdAt: Timestamp,
  finds: z.array(Find),
  chain: z.array(CustodyStep),
  version: Version,
});
export type EvidenceBag = z.infer<typeof EvidenceBag>;

export const EvidenceBagSummary = z.object({
  id: Id,
  number: z.string(),
  searchId: Id,
  status: BagStatus,
  holder: StaffMember.nullable(),
  finds: z.number().int(),
  createdAt: Timestamp,
  lastStepAt: Timestamp,
  version: Version,
});
export type EvidenceBagSummary = z.infer<typeof EvidenceBagSummary>;
export const EvidenceBagList = z.object({ items: z.array(EvidenceBagSummary) });
export const BagListQuery = z.object({ facilityId: Id, status: BagStatus.optional() }).strict();

export const BagFindsBody = z
  .object({
    findIds: z.array(Id).min(1).max(50),
    /** The number on the tamper-evident seal, if the bag has one. */
    seal: optionalText(60),
  })
  .strict();

/**
 * A step of the chain of custody, taken by the officer who holds the bag. A hand-over is signed by
 * the receiving officer with their own password on the same screen; a disposal by a witness the
 * same way; a police hand-over names the police officer and the receipt's reference.
 */
export const CustodyStepBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('handed-over'), toUserId: Id, password: z.string().min(1).max(200), note: optionalText(500), version: Version }).strict(),
  z.object({ kind: z.literal('police-handover'), externalParty: text(200), reference: text(100), note: optionalText(500), version: Version }).strict(),
  z.object({ kind: z.literal('disposed'), witnessUserId: Id, password: z.string().min(1).max(200), note: text(500), version: Version }).strict(),
]);
export type CustodyStepBody = z.infer<typeof CustodyStepBody>;

export const SearchDetail = z.object({ search: Search, finds: z.array(Find), bags: z.array(EvidenceBagSummary) });
export type SearchDetail = z.infer<typeof SearchDetail>;

/** A wing's schedule: every cell searched within `periodDays`. */
export const WingSchedule = z.object({
  wingId: Id,
  path: z.string(),
  name: z.string(),
  periodDays: z.number().int(),
  /** False while the wing keeps the default period. */
  set: z.boolean(),
  cells: z.number().int(),
  overdue: z.number().int(),
  version: z.number().int().nullable(),
});
export type WingSchedule = z.infer<typeof WingSchedule>;
export const WingScheduleList = z.object({ defaultPeriodDays: z.number().int(), items: z.array(WingSchedule) });
export const SetScheduleBody = z.object({ periodDays: z.number().int().min(1).max(365), version: Version.nullable() }).strict();

export const OverdueCell = z.object({
  cellId: Id,
  path: z.string(),
  name: z.string(),
  wingId: Id,
  wingPath: z.string(),
  periodDays: z.number().int(),
  lastSearchedOn: CalendarDate.nullable(),
  dueOn: CalendarDate.nullable(),
  daysOverdue: z.number().int().nullable().describe('Null for a cell never searched'),
});
export type OverdueCell = z.infer<typeof OverdueCell>;
export const OverdueList = z.object({ today: CalendarDate, items: z.array(OverdueCell) });
export type OverdueList = z.infer<typeof OverdueList>;

export const HeatmapQuery = z.object({ facilityId: Id, from: CalendarDate.optional(), to: CalendarDate.optional() }).strict();
export const HeatmapNode = z.object({
  id: Id,
  parentId: Id.nullable(),
  kind: z.string(),
  code: z.string(),
  name: z.string(),
  path: z.string(),
  /** Finds in this place itself. */
  own: z.number().int(),
  /** Finds here and in every place under it. */
  total: z.number().int(),
});
export type HeatmapNode = z.infer<typeof HeatmapNode>;
export const Heatmap = z.object({ from: CalendarDate, to: CalendarDate, max: z.number().int(), items: z.array(HeatmapNode) });
export type Heatmap = z.infer<typeof Heatmap>;

export const TrendsQuery = z.object({ facilityId: Id, months: z.coerce.number().int().min(1).max(36).default(12) }).strict();
export const FindTrends = z.object({
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  series: z.array(z.object({ category: FindCategory, counts: z.array(z.number().int()) })),
});
export type FindTrends = z.infer<typeof FindTrends>;

export const PrisonerSearches = z.object({ searches: z.array(Search), finds: z.array(Find) });
export type PrisonerSearches = z.infer<typeof PrisonerSearches>;
export const FacilityIdQuery = z.object({ facilityId: Id }).strict();
export const SavedSchedule = z.object({ wingId: Id, periodDays: z.number().int(), version: Version });
export type SavedSchedule = z.infer<typeof SavedSchedule>;
