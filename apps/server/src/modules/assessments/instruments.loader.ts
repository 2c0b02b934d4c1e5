import { InstrumentDefinition } from '@vigil/contracts';
import { Problem } from '../../platform/errors.ts';

/**
 * Reads an imported instrument definition, or refuses it with every fault at its path
 * (`definition.items.3.domain`), so the administrator can correct the file in one go.
 */
export function loadDefinition(raw: unknown): InstrumentDefinition {
  const parsed = InstrumentDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: ['definition', ...i.path.map(String)].join('.'), message: i.message }));
  throw new Problem('instrument-invalid', undefined, errors);
}
