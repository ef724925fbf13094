import {
  declarationDifferences,
  declaredRouting,
  houseAccountSeller,
  sameRoutingFacts,
} from '../accounts/routing-facts';
import type { EngineDecision } from '../allocation/decide';
import { stepDetail } from '../allocation/steps';
import type { DealMatch } from '../allocation/types';
import type {
  AccountsReplayed,
  DistributorShare,
  HouseAccountsReplayed,
  OutcomeChange,
  OutcomeCounts,
  RegistrationSnapshot,
  ReplayOutcome,
  ReplaySetup,
  SimulationReport,
} from './types';

const emptyCounts = (): OutcomeCounts => ({ approve: 0, reject: 0, escalate: 0, undecided: 0 });
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
const escalationRate = (counts: OutcomeCounts) =>
  ratio(counts.escalate, counts.approve + counts.reject + counts.escalate);

/** Registrations joined into deal groups by the matches the replay found (union-find). */
class DealGroups {
  private readonly parent = new Map<string, string>();

  private root(id: string): string {
    if (!this.parent.has(id)) this.parent.set(id, id);
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression: the next look-up along this chain is one step.
    for (let node = id; node !== root; ) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  join(a: string, b: string): void {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA === rootB) return;
    // The smaller id becomes the root, so the grouping does not depend on the order of joins.
    const [child, root] = rootA < rootB ? [rootB, rootA] : [rootA, rootB];
    this.parent.set(child, root);
  }

  /** Groups of more than one registration, and how many registrations they hold. */
  collisions(): { dealGroups: number; registrations: number } {
    const sizes = new Map<string, number>();
    for (const id of [...this.parent.keys()]) {
      const root = this.root(id);
      sizes.set(root, (sizes.get(root) ?? 0) + 1);
    }
    const groups = [...sizes.values()].filter((size) => size > 1);
    return { dealGroups: groups.length, registrations: groups.reduce((sum, size) => sum + size, 0) };
  }
}

/** Accumulates the replay, one registration at a time, into the report. */
export class ReportBuilder {
  private readonly current = emptyCounts();
  private readonly candidate = emptyCounts();
  private readonly approvals = new Map<string, { current: number; candidate: number }>();
  private readonly groups = new DealGroups();
  private readonly changes: OutcomeChange[] = [];
  private changedCount = 0;
  private count = 0;
  private readonly accounts: AccountsReplayed = {
    routedByAccount: 0,
    declaredOtherwise: 0,
    declaredOtherwiseBy: { segment: 0, region: 0, program: 0 },
    changedSinceAcceptance: 0,
  };
  private readonly houseAccounts: HouseAccountsReplayed = { registrations: 0, rejected: 0, escalated: 0 };

  constructor(private readonly input: ReplaySetup) {
    for (const distributor of input.partners.distributors)
      this.approvals.set(distributor.id, { current: 0, candidate: 0 });
  }

  private approvalsOf(distributorId: string) {
    let entry = this.approvals.get(distributorId);
    if (entry === undefined) {
      entry = { current: 0, candidate: 0 };
      this.approvals.set(distributorId, entry);
    }
    return entry;
  }

  /** Whether the account the replay routes this registration by contradicts what it declared. */
  private countAccount(snapshot: RegistrationSnapshot): void {
    const then = snapshot.accountAtAcceptance;
    if (then !== undefined && !sameRoutingFacts(then ?? undefined, snapshot.account)) {
      this.accounts.changedSinceAcceptance++;
    }
    if (!snapshot.account) return;
    this.accounts.routedByAccount++;
    const differing = declarationDifferences(declaredRouting(snapshot.customer, snapshot.program), snapshot.account);
    if (differing.length > 0) this.accounts.declaredOtherwise++;
    for (const field of differing) this.accounts.declaredOtherwiseBy[field]++;
  }

  /** Who would have met the candidate's house-account rule, and what it did to them. */
  private countHouseAccount(snapshot: RegistrationSnapshot, decision: EngineDecision): void {
    if (snapshot.partnerType === 'direct' || houseAccountSeller(snapshot.account) === undefined) return;
    this.houseAccounts.registrations++;
    const decisive = decision.trace.find((step) => step.decisive);
    if (decisive?.rule !== 'house-account') return;
    if (decision.outcome === 'reject') this.houseAccounts.rejected++;
    if (decision.outcome === 'escalate') this.houseAccounts.escalated++;
  }

  record(snapshot: RegistrationSnapshot, actual: ReplayOutcome, decision: EngineDecision, matches: DealMatch[]): void {
    this.count++;
    this.countAccount(snapshot);
    this.countHouseAccount(snapshot, decision);
    this.current[actual]++;
    this.candidate[decision.outcome]++;
    if (actual === 'approve') this.approvalsOf(snapshot.distributorId).current++;
    if (decision.outcome === 'approve') this.approvalsOf(snapshot.distributorId).candidate++;
    for (const match of matches) this.groups.join(snapshot.id, match.registrationId);

    const actualReason = snapshot.actual.reasonCode ?? null;
    const simulatedReason = decision.reasonCode ?? null;
    if (actual === 'undecided' || (actual === decision.outcome && actualReason === simulatedReason)) return;
    this.changedCount++;
    if (this.changes.length >= (this.input.maxChanges ?? Number.POSITIVE_INFINITY)) return;
    const decisive = decision.trace.find((step) => step.decisive);
    this.changes.push({
      registrationId: snapshot.id,
      sequence: snapshot.sequence,
      actual: { outcome: actual, reasonCode: actualReason, decisiveRule: snapshot.actualDecisiveRule ?? null },
      simulated: { outcome: decision.outcome, reasonCode: simulatedReason },
      decisiveRule: decisive?.rule ?? '',
      detail: decisive ? stepDetail(decisive) : '',
    });
  }

  /** A submission the candidate's limits refuse: it happened, but the candidate would not have stored it. */
  recordRefused(snapshot: RegistrationSnapshot, actual: ReplayOutcome): void {
    this.count++;
    this.countAccount(snapshot);
    this.current[actual]++;
    if (actual === 'approve') this.approvalsOf(snapshot.distributorId).current++;
  }

  private shares(): DistributorShare[] {
    const names = new Map(this.input.partners.distributors.map((d) => [d.id, d.name]));
    const ids = [...this.approvals.keys()].sort();
    return ids.map((distributorId) => {
      const approvals = this.approvals.get(distributorId)!;
      return {
        distributorId,
        name: names.get(distributorId) ?? distributorId,
        current: { approvals: approvals.current, share: ratio(approvals.current, this.current.approve) },
        candidate: { approvals: approvals.candidate, share: ratio(approvals.candidate, this.candidate.approve) },
      };
    });
  }

  build(): Omit<SimulationReport, 'limits'> {
    const { declaredOtherwiseBy } = this.accounts;
    return {
      label: this.input.label,
      registrations: this.count,
      outcomes: { current: { ...this.current }, candidate: { ...this.candidate } },
      escalationRate: { current: escalationRate(this.current), candidate: escalationRate(this.candidate) },
      distributorShares: this.shares(),
      collisions: this.groups.collisions(),
      changedCount: this.changedCount,
      changes: [...this.changes],
      accounts: { ...this.accounts, declaredOtherwiseBy: { ...declaredOtherwiseBy } },
      houseAccounts: { ...this.houseAccounts },
    };
  }
}
