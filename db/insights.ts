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
import { insertOnce } from './insert-once';
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
    at: { type: Date, required: true },
    distributorId: { type: String, required: true },
    segment: { type: String, required: true },
    partnerType: { type: String, required: true },
    model: { type: String, required: true },
    policyVersion: { type: Number, required: true },
    outcome: String,
    reasonCode: String,
    ms: Number,
  },
  { versionKey: false },
);
factSchema.index({ day: 1 });
export const InsightFactModel = model<InsightFact>('InsightFact', factSchema, 'insightfacts');

export interface InsightRollupDoc {
  /** `rollup|<day>` */
  _id: string;
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
  const inserted = await Promise.all(
    facts.map(async (fact) => ((await insertOnce(InsightFactModel, fact)) ? [fact] : [])),
  );
  const fresh = inserted.flat();
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
 * A day is closed once it ended this long ago: facts are dated by their event, and a few are written
 * a little later (a submission is counted when it is decided), so the snapshot waits for them.
 */
export const DAY_CLOSE_GRACE_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const isClosed = (day: string, now: number) => Date.parse(`${day}T00:00:00Z`) + DAY_MS + DAY_CLOSE_GRACE_MS <= now;

async function factsOfDay(day: string): Promise<InsightFact[]> {
  return InsightFactModel.find({ day }).lean<InsightFact[]>().exec();
}

/**
 * One day's rows: a closed day from its rollup, computed from its facts by the first reader and
 * inserted once (a concurrent reader computes the same and its insert is refused); an open day live
 * from its facts. Days after `now` have no facts and are not read.
 */
export async function dayRows(day: string, now = Date.now()): Promise<DayRow[]> {
  if (Date.parse(`${day}T00:00:00Z`) > now) return [];
  if (!isClosed(day, now)) return summarizeDay(await factsOfDay(day));
  const stored = await InsightRollup.findById(rollupId(day)).lean<InsightRollupDoc>().exec();
  if (stored) return stored.rows;
  const facts = await factsOfDay(day);
  const rows = summarizeDay(facts);
  await insertOnce(InsightRollup, { _id: rollupId(day), day, rows, facts: facts.length, computedAt: new Date() });
  return rows;
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
}
