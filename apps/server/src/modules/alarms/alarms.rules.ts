import type { AlarmCondition, AlarmPriority, AlarmState, DeviceEventPayload, RateBand } from '@vigil/contracts';
import { DeviceEventPayload as PayloadSchema } from '@vigil/contracts';

/**
 * The alarm console's rules (docs/alarms.md), pure. The alarm model follows ISA-18.2: the device
 * condition (raised / cleared) is kept apart from what the operators did (new → acknowledged →
 * in progress → resolved), so a cleared condition never hides an alarm nobody has looked at.
 */

export type OperatorAction = 'acknowledge' | 'start' | 'complete-step' | 'shelve' | 'resolve';

/**
 * The operator state after an action, or null when the action is not allowed in this state.
 * - acknowledge: only a new alarm (ISA-18.2 "unacknowledged" → "acknowledged");
 * - start (take in hand) and a procedure step: an acknowledged alarm goes in progress;
 * - shelve: an alarm not resolved keeps its state (shelving hides it for a while, no more);
 * - resolve: only once acknowledged (someone must have looked at it).
 */
export function nextState(state: AlarmState, action: OperatorAction): AlarmState | null {
  if (state === 'resolved') return null;
  switch (action) {
    case 'acknowledge':
      return state === 'new' ? 'acknowledged' : null;
    case 'start':
      return state === 'acknowledged' ? 'in-progress' : null;
    case 'complete-step':
      return state === 'new' ? null : 'in-progress';
    case 'shelve':
      return state;
    case 'resolve':
      return 'resolved';
  }
}

/** Whether a resolve may happen now: the alarm must have been acknowledged first. */
export const resolvable = (state: AlarmState) => state === 'acknowledged' || state === 'in-progress';

export interface StepState {
  position: number;
  mandatory: boolean;
  done: boolean;
}

/** The mandatory steps of the procedure not yet done: resolving is refused while any are left. */
export const missingMandatory = (steps: readonly StepState[]) => steps.filter((s) => s.mandatory && !s.done).map((s) => s.position);

/**
 * A step may be done when every mandatory step before it is done (the procedure is followed in
 * order; optional steps may be passed over). Returns the problem, or null.
 */
export function stepProblem(steps: readonly StepState[], position: number): 'not-found' | 'alarm-step-done' | 'alarm-step-order' | null {
  const step = steps.find((s) => s.position === position);
  if (!step) return 'not-found';
  if (step.done) return 'alarm-step-done';
  if (steps.some((s) => s.position < position && s.mandatory && !s.done)) return 'alarm-step-order';
  return null;
}

/** Critical alarms (duress, fire) are never shelved: shelving is for nuisance alarms. */
export const shelvable = (priority: AlarmPriority) => priority !== 'critical';

/** Shelving lasts a limited time and then unshelves itself. */
export const shelvedUntil = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

export const isShelved = (shelved: Date | null, now: Date) => shelved !== null && shelved.getTime() > now.getTime();

export const MAX_ESCALATION_LEVEL = 3;

/**
 * The escalation level an alarm should be at now: one level each `afterSeconds` it stays
 * unacknowledged (and not shelved), up to three (duty supervisor, then the head of security,
 * then the governor). Higher than the current level means escalate.
 */
export function escalationLevel(alarm: { state: AlarmState; raisedAt: Date; shelvedUntil: Date | null }, afterSeconds: number, now: Date): number {
  if (alarm.state !== 'new' || isShelved(alarm.shelvedUntil, now)) return 0;
  const elapsed = (now.getTime() - alarm.raisedAt.getTime()) / 1000;
  if (elapsed < afterSeconds) return 0;
  return Math.min(MAX_ESCALATION_LEVEL, Math.floor(elapsed / afterSeconds));
}

export const PRIORITY_RANK: Record<AlarmPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Console order: highest priority first, then the newest (Genetec: ties go to the newest). */
export const consoleOrder = <A extends { priority: AlarmPriority; raisedAt: string }>(a: A, b: A) =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0);

/** A new alarm that sounds on the console: critical or high. */
export const sounds = (priority: AlarmPriority) => priority === 'critical' || priority === 'high';

// ---- Ingest ----

/** `vigil/<facility>/devices/<deviceCode>/events` */
export const TOPIC_FILTER = 'vigil/+/devices/+/events';
const TOPIC = /^vigil\/([A-Za-z0-9._-]{1,40})\/devices\/([A-Za-z0-9._-]{1,60})\/events$/;

export function parseTopic(topic: string): { facilityCode: string; deviceCode: string } | null {
  const m = TOPIC.exec(topic);
  return m ? { facilityCode: m[1]!, deviceCode: m[2]! } : null;
}

export const topicFor = (facilityCode: string, deviceCode: string) => `vigil/${facilityCode}/devices/${deviceCode}/events`;

export const MAX_MESSAGE_BYTES = 16_384;

export type ParsedMessage = { ok: true; payload: DeviceEventPayload } | { ok: false; reason: 'malformed-json' | 'invalid-payload' | 'too-large'; detail: string };

/** Reads one device message: JSON, then the payload's shape. A message that fails is quarantined, with why. */
export function parseMessage(raw: string | Buffer): ParsedMessage {
  if (raw.length > MAX_MESSAGE_BYTES) return { ok: false, reason: 'too-large', detail: `${raw.length} bytes, at most ${MAX_MESSAGE_BYTES}` };
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (e) {
    return { ok: false, reason: 'malformed-json', detail: (e as Error).message.slice(0, 200) };
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-payload', detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ').slice(0, 500) };
  }
  return { ok: true, payload: parsed.data };
}

/** `state` events are telemetry (a door opened and shut): stored, never an alarm. */
export const TELEMETRY_TYPE = 'state';

export interface FoldInput {
  deviceId: string;
  type: string;
  condition: AlarmCondition;
  at: Date;
}

export interface FoldGroup {
  deviceId: string;
  type: string;
  events: number;
  /** The condition after the last event of the group. */
  condition: AlarmCondition;
  /** Whether any event of the group raised the condition (a new alarm needs one). */
  anyRaised: boolean;
  firstAt: Date;
  lastAt: Date;
  firstRaisedAt: Date | null;
}

/**
 * Flood grouping: the events of a batch from one device of one type fold into one group, and the
 * group into the alarm open for them (one open alarm per device and type), so fifty thousand
 * events from a faulty fence zone are one alarm with a count, not fifty thousand rows on screen.
 */
export function foldEvents(events: readonly FoldInput[]): FoldGroup[] {
  const groups = new Map<string, FoldGroup>();
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of ordered) {
    const key = `${e.deviceId}\u0000${e.type}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { deviceId: e.deviceId, type: e.type, events: 1, condition: e.condition, anyRaised: e.condition === 'raised', firstAt: e.at, lastAt: e.at, firstRaisedAt: e.condition === 'raised' ? e.at : null });
      continue;
    }
    g.events += 1;
    g.condition = e.condition;
    g.lastAt = e.at;
    if (e.condition === 'raised') {
      g.anyRaised = true;
      g.firstRaisedAt ??= e.at;
    }
  }
  return [...groups.values()];
}

// ---- Alarm rate (EEMUA 191) ----

/**
 * EEMUA 191 (and ISA-18.2 §16) on the alarm rate an operator can handle, as an average over the
 * period: up to one alarm per ten minutes is acceptable (6 an hour), up to two manageable, more
 * over-demanding; more than ten alarms in any ten minutes is a flood.
 */
export const EEMUA = { acceptablePer10Min: 1, manageablePer10Min: 2, floodPer10Min: 10 } as const;

export function rateBand(perOperatorPer10Min: number, peak10Min = 0): RateBand {
  if (peak10Min > EEMUA.floodPer10Min || perOperatorPer10Min > EEMUA.floodPer10Min) return 'flood';
  if (perOperatorPer10Min <= EEMUA.acceptablePer10Min) return 'acceptable';
  if (perOperatorPer10Min <= EEMUA.manageablePer10Min) return 'manageable';
  return 'over-demanding';
}

/** The most alarms raised in any ten minutes, and how many ten-minute windows held a flood (sliding over the raise times). */
export function peakWindow(raisedAt: readonly Date[]): { peak: number; floodWindows: number } {
  const t = raisedAt.map((d) => d.getTime()).sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  const floodBuckets = new Set<number>();
  for (let end = 0; end < t.length; end++) {
    while (t[end]! - t[start]! >= 600_000) start++;
    const n = end - start + 1;
    peak = Math.max(peak, n);
    if (n > EEMUA.floodPer10Min) floodBuckets.add(Math.floor(t[end]! / 600_000));
  }
  return { peak, floodWindows: floodBuckets.size };
}

/** A flood now: more than ten new alarms in the last ten minutes. */
export const isFlood = (alarmsInLast10Min: number) => alarmsInLast10Min > EEMUA.floodPer10Min;
