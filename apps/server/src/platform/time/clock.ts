/**
 * Where services take the current instant from: the system clock in the server, a fixed one in
 * tests that need "today" to be a given day in a given zone.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant` (tests). */
export const fixedClock = (instant: Date | string): Clock => {
  const at = new Date(instant);
  return { now: () => new Date(at) };
};
