import { z } from 'zod';
import { PERMISSIONS } from './permissions.ts';

/** An entry of the side navigation a server module declares, shown to those granted its permission. */
export const NavigationEntry = z.object({
  /** Stable and unique across modules ("users", "alert-types"). */
  id: z.string(),
  /** The message key of its label in the web catalogues ("nav.users"). */
  labelKey: z.string(),
  /** The web path it opens ("/users"). */
  path: z.string(),
  permission: z.enum(PERMISSIONS),
});
export type NavigationEntry = z.infer<typeof NavigationEntry>;

export const Navigation = z.object({ entries: z.array(NavigationEntry) });
export type Navigation = z.infer<typeof Navigation>;
