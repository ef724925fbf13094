import type { Customer, Segment } from '../registration';
import type { AccountOwner, AccountRecord, ProgramRecord } from '../vendor/records';

/** A program as routing compares it: a route's `programs` may name its id, its name or a contract number. */
export interface AccountProgramFacts {
  id: string;
  name?: string;
  contractNumbers?: string[];
}

/**
 * What the vendor's account record says about routing, as it was when a registration was matched to
 * it: the decision records this snapshot, so the audit and a simulation replay what was known then.
 */
export interface AccountFacts {
  accountId: string;
  segment: Segment;
  region?: string;
  /** The programs the account names and those that list it as a member, by id. */
  programs: AccountProgramFacts[];
  owner?: AccountOwner;
}

/** What the reseller declared about routing, kept (and shown to staff) when an account decides instead. */
export interface DeclaredRouting {
  segment?: Segment;
  region?: string;
  program?: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The snapshot of an account's routing facts. `programs` are the program records the caller could find:
 * those the account names and those whose members include it; a program the account names that has no
 * record is kept by its id alone.
 */
export function accountFacts(
  account: Pick<AccountRecord, 'id' | 'segment' | 'region' | 'programs' | 'owner'>,
  programs: readonly Pick<ProgramRecord, 'id' | 'name' | 'contractNumbers' | 'accounts'>[],
): AccountFacts {
  const found = new Map(programs.map((program) => [program.id, program]));
  const ids = new Set([
    ...(account.programs ?? []),
    ...programs.filter((program) => program.accounts?.includes(account.id)).map((program) => program.id),
  ]);
  const facts: AccountProgramFacts[] = [...ids]
    .map((id) => {
      const program = found.get(id);
      if (!program) return { id };
      return {
        id,
        name: program.name,
        ...(program.contractNumbers?.length ? { contractNumbers: [...program.contractNumbers] } : {}),
      };
    })
    .sort(byId);
  return {
    accountId: account.id,
    segment: account.segment,
    ...(account.region !== undefined && { region: account.region }),
    programs: facts,
    ...(account.owner && { owner: { kind: account.owner.kind, id: account.owner.id } }),
  };
}

/** What a registration declared about routing: its customer's segment and region and the program it named. */
export function declaredRouting(customer: Pick<Customer, 'segment' | 'region'>, program?: string): DeclaredRouting {
  return {
    segment: customer.segment,
    ...(customer.region !== undefined && { region: customer.region }),
    ...(program !== undefined && { program }),
  };
}

/** Free text compares case- and spacing-insensitively, as routes compare regions and programs. */
export const foldText = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every name a route may use for one of the account's programs. */
export function programLabels(program: AccountProgramFacts): string[] {
  return [program.id, ...(program.name ? [program.name] : []), ...(program.contractNumbers ?? [])];
}

/**
 * Where the declaration says something other than the account: the fields staff should see side by
 * side. A declared program differs unless it names one of the account's programs; a region or program
 * the reseller left out differs from nothing.
 */
export function declarationDifferences(declared: DeclaredRouting, account: AccountFacts): Array<keyof DeclaredRouting> {
  const differences: Array<keyof DeclaredRouting> = [];
  if (declared.segment !== undefined && declared.segment !== account.segment) differences.push('segment');
  if (
    declared.region !== undefined &&
    (account.region === undefined || foldText(declared.region) !== foldText(account.region))
  ) {
    differences.push('region');
  }
  if (declared.program !== undefined) {
    const wanted = foldText(declared.program);
    const known = account.programs.some((program) =>
      programLabels(program).some((label) => foldText(label) === wanted),
    );
    if (!known) differences.push('program');
  }
  return differences;
}

/** Each program's labels (its id first), in the snapshot's order (by id). */
const programsText = (facts: AccountFacts) =>
  facts.programs.map((program) => programLabels(program).join('|')).join('\n');

/**
 * Whether two snapshots would route alike: the same account with the same segment, region, programs
 * (and their names and contract numbers) and owner. No snapshot equals only no snapshot.
 */
export function sameRoutingFacts(a: AccountFacts | undefined, b: AccountFacts | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.accountId === b.accountId &&
    a.segment === b.segment &&
    a.region === b.region &&
    programsText(a) === programsText(b) &&
    a.owner?.kind === b.owner?.kind &&
    a.owner?.id === b.owner?.id
  );
}

/** The distributor an account is reserved for, if a distributor owns it. */
export const reservedDistributor = (account: AccountFacts | undefined): string | undefined =>
  account?.owner?.kind === 'distributor' ? account.owner.id : undefined;

/** The seller whose house account this is, if a seller owns it (what the policy does with it is its own rule). */
export const houseAccountSeller = (account: AccountFacts | undefined): string | undefined =>
  account?.owner?.kind === 'seller' ? account.owner.id : undefined;
