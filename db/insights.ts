import { model, Schema } from 'mongoose';
import pLimit from 'p-limit';
import { type DayRow, summarizeDay } from '../domain/insights/aggregate';
import {
  dimensionsOf,
  type EscalationSubject,
  type FactSubject,
  factsOfDecision,
  factsOfEscalation,
  type InsightFact,
  type LoggedDecision,
  missedADeadline,
} from '../domain/insights/facts';
import { insertEachOnce, insertOnce } from './insert-once';
import { policyVersion } from './policies';
import { Registration, type RegistrationDoc } from './registrations';

/**
 * Program-health measures (docs/DESIGN.md, "Insights"): insert-only, because a unique insert is the one
 * write FerretDB v1 applies atomically. Facts are one small document per event; rollups are a closed
 * day's facts summed once, immutable. Both are read by equality only (`day`, `_id`).
 */
const factSchema = new Schema<InsightFact>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    day: { type: String, required: true },
    hour: { type: String, required: true },
    at: { type: Date, required: true },
    distributorId: { type: String, required: true },
    segment: { type: String, required: true },
    declaredSegment: String,
    partnerType: { type: String, required: true },
    model: { type: String, required: true },
    policyVersion: { type: Number, required: true },
    seller: String,
    outcome: String,
    reasonCode: String,
    ms: Number,
    amount: Number,
    currency: String,
    lostReason: String,
    disputeOutcome: String,
  },
  { versionKey: false },
);
factSchema.index({ day: 1 });
factSchema.index({ hour: 1 });
export const InsightFactModel = model<InsightFact>('InsightFact', factSchema, 'insightfacts');

export interface InsightRollupDoc {
  /** `rollup|<day>` or `rollup|<day>T<hour>` */
  _id: string;
  /** The day, or the hour (YYYY-MM-DDTHH), it sums. */
  day: string;
  rows: DayRow[];
  facts: number;
  computedAt: Date;
}
export const InsightRollup = model<InsightRollupDoc>(
  'InsightRollup',
  new Schema<InsightRollupDoc>(
    {
      _id: { type: String, required: true },
      day: { type: String, required: true },
      rows: { type: Schema.Types.Mixed, required: true },
      facts: { type: Number, required: true },
      computedAt: { type: Date, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'insightrollups',
);

export const rollupId = (day: string) => `rollup|${day}`;

type FactListener = (fact: InsightFact) => void;
const listeners: FactListener[] = [];
/** Called once per fact this process inserted (not for one a retry found there): the worker's counters. */
export function onInsightFact(listener: FactListener): void {
  listeners.push(listener);
}

/** Inserts the facts that are not stored yet; returns those this call inserted. */
export async function recordFacts(facts: readonly InsightFact[]): Promise<InsightFact[]> {
  const inserted = await insertEachOnce(InsightFactModel, facts);
  const fresh = facts.filter((_, index) => inserted[index]);
  for (const fact of fresh) for (const listener of listeners) listener(fact);
  return fresh;
}

/** The allocation model a registration was decided under; versions never change, so this is cached. */
export async function modelOfVersion(version: number): Promise<string> {
  return (await policyVersion(version))?.policy.model ?? 'unknown';
}

/** The facts of one decision-log entry (db/decision-log.ts calls this for every entry it writes). */
export async function recordDecisionFacts(registration: FactSubject, entry: LoggedDecision): Promise<void> {
  await recordFacts(factsOfDecision(registration, entry, await modelOfVersion(registration.policyVersion)));
}

/** `recordDecisionFacts` for many entries, in one command. */
export async function recordDecisionsFacts(
  decided: ReadonlyArray<{ registration: FactSubject; entry: LoggedDecision }>,
): Promise<void> {
  const facts: InsightFact[] = [];
  for (const { registration, entry } of decided)
    facts.push(...factsOfDecision(registration, entry, await modelOfVersion(registration.policyVersion)));
  await recordFacts(facts);
}

/** The registration whose dimensions an escalation's facts carry: its first contender. */
export async function recordEscalationFacts(
  escalation: EscalationSubject & { contenders: ReadonlyArray<{ registrationId: string; role: string }> },
): Promise<InsightFact[]> {
  const first = escalation.contenders.find((c) => c.role === 'contender') ?? escalation.contenders[0];
  if (!first || !missedADeadline(escalation)) return [];
  const registration = await Registration.findById(first.registrationId).lean<RegistrationDoc>().exec();
  if (!registration) return [];
  const dimensions = dimensionsOf(registration, await modelOfVersion(registration.policyVersion));
  return recordFacts(factsOfEscalation(escalation, dimensions));
}

/**
 * A period is closed once it ended this long ago: facts are dated by their event, and a few are written
 * a little later (a submission is counted when it is decided), so the snapshot waits for them.
 */
export const CLOSE_GRACE_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A day (`YYYY-MM-DD`, read by `day`) or an hour (`YYYY-MM-DDTHH`, read by `hour`). */
interface Period {
  key: string;
  field: 'day' | 'hour';
  start: number;
  length: number;
}
const dayPeriod = (day: string): Period => ({
  key: day,
  field: 'day',
  start: Date.parse(`${day}T00:00:00Z`),
  length: DAY_MS,
});
const hourPeriod = (day: string, hour: number): Period => {
  const key = `${day}T${String(hour).padStart(2, '0')}`;
  return { key, field: 'hour', start: Date.parse(`${key}:00:00Z`), length: HOUR_MS };
};

/** Rollups never change, so this process keeps those it read (per database, bounded). */
const ROLLUPS_KEPT = 5000;
const knownRollups = new Map<string, DayRow[]>();
function keepRollup(id: string, rows: DayRow[]): void {
  if (knownRollups.size >= ROLLUPS_KEPT) knownRollups.delete(knownRollups.keys().next().value as string);
  knownRollups.set(id, rows);
}

/**
 * A period's rows: a closed one from its rollup, computed from its facts by the first reader and inserted
 * once (a concurrent first reader computes the same and its insert is refused); an open one live.
 */
async function periodRows(period: Period, now: number): Promise<DayRow[]> {
  if (period.start > now) return [];
  const facts = () =>
    InsightFactModel.find({ [period.field]: period.key })
      .lean<InsightFact[]>()
      .exec();
  if (period.start + period.length + CLOSE_GRACE_MS > now) return summarizeDay(await facts());
  const id = rollupId(period.key);
  const cacheKey = `${InsightRollup.db.name}/${id}`;
  const cached = knownRollups.get(cacheKey);
  if (cached) return cached;
  const stored = await InsightRollup.findById(id).lean<InsightRollupDoc>().exec();
  let rows = stored?.rows;
  if (!rows) {
    const read = await facts();
    rows = summarizeDay(read);
    await insertOnce(InsightRollup, { _id: id, day: period.key, rows, facts: read.length, computedAt: new Date() });
  }
  keepRollup(cacheKey, rows);
  return rows;
}

/**
 * One day's rows. A closed day is one rollup. The day still open (or in its grace) is read hour by hour:
 * the hours that closed from their rollups, the last one or two live, so that today costs a few hundred
 * facts at most, not a whole day's.
 */
export async function dayRows(day: string, now = Date.now()): Promise<DayRow[]> {
  const whole = dayPeriod(day);
  if (whole.start > now) return [];
  if (whole.start + whole.length + CLOSE_GRACE_MS <= now) return periodRows(whole, now);
  const hours = await Promise.all(Array.from({ length: 24 }, (_, hour) => periodRows(hourPeriod(day, hour), now)));
  return hours.flat();
}

/** For tests that drop the collections under a running process. */
export function forgetRollups(): void {
  knownRollups.clear();
}

/** Days read at once: one query each, equality on `day`. */
const DAYS_IN_PARALLEL = 16;

export async function readDays(days: readonly string[], now = Date.now()) {
  const limit = pLimit(DAYS_IN_PARALLEL);
  return Promise.all(days.map((day) => limit(async () => ({ day, rows: await dayRows(day, now) }))));
}

/** For `npm run insights:rebuild`: every fact and rollup goes. */
export async function dropInsights(): Promise<void> {
  await Promise.all([InsightFactModel.deleteMany({}).exec(), InsightRollup.deleteMany({}).exec()]);
  forgetRollups();
}
