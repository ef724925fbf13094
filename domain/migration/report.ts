import type { ReasonCode } from '../registration';

/**
 * What a migration does (or, in a dry run, would do), counted when its rows are planned: approved imports
 * that keep their protection, approved ones escalated because a live registration holds the deal or
 * another approved row claims it (both are escalated then), pending
 * and escalated ones decided afresh, closed ones stored for history, and rows imported already (a re-run).
 */
export interface MigrationReport {
  dryRun: boolean;
  approved: number;
  escalated: number;
  decidedAfresh: number;
  closed: number;
  alreadyImported: number;
  /** The approved imports that will be escalated, in the order they will be numbered (the first 1,000). */
  conflicts: MigrationConflict[];
  conflictCount: number;
}

export interface MigrationConflict {
  row: number;
  registrationId: string;
  resellerId: string;
  reasonCode?: ReasonCode;
  /** Every other party of the deal: the live registrations holding it, and the file's other claimants. */
  heldBy: Array<{ registrationId: string; resellerId: string; row?: number }>;
}

export const MAX_LISTED_CONFLICTS = 1000;

export const emptyMigrationReport = (dryRun: boolean): MigrationReport => ({
  dryRun,
  approved: 0,
  escalated: 0,
  decidedAfresh: 0,
  closed: 0,
  alreadyImported: 0,
  conflicts: [],
  conflictCount: 0,
});
