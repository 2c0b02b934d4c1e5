import { AGE_BANDS, type PopulationCounts } from '@vigil/contracts';

/** A count's column: the message key of its header and how to read it from the counts. */
export interface Count {
  key: string;
  header: string;
  value: (c: PopulationCounts) => number;
}

export const HELD: Count[] = [
  { key: 'total', header: 'statistics.total', value: (c) => c.total },
  { key: 'inCustody', header: 'statistics.inCustody', value: (c) => c.inCustody },
  { key: 'temporarilyAbsent', header: 'statistics.temporarilyAbsent', value: (c) => c.temporarilyAbsent },
  { key: 'inTransit', header: 'statistics.inTransit', value: (c) => c.inTransit },
  { key: 'untried', header: 'statistics.untried', value: (c) => c.byLegalStatus.untried },
  { key: 'convicted', header: 'statistics.convicted', value: (c) => c.byLegalStatus.convicted },
  { key: 'male', header: 'statistics.male', value: (c) => c.bySex.male },
  { key: 'female', header: 'statistics.female', value: (c) => c.bySex.female },
  { key: 'foreignNationals', header: 'statistics.foreignNationals', value: (c) => c.foreignNationals },
  { key: 'nationalityUnknown', header: 'statistics.nationalityUnknown', value: (c) => c.nationalityUnknown },
  { key: 'extremismRelated', header: 'statistics.extremismRelated', value: (c) => c.extremismRelated },
];
export const AGES: Count[] = AGE_BANDS.map((band) => ({ key: band, header: `statistics.ageBands.${band}`, value: (c) => c.byAgeBand[band] }));
