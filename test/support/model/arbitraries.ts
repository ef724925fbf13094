import fc from 'fast-check';
import { segments } from '../../../domain/registration';
import { BurstCommand } from './burst';
import {
  ChangeCommand,
  ChangePolicyCommand,
  CloseCommand,
  ExtendCommand,
  KillWorkerCommand,
  PassTimeCommand,
  ResolveCommand,
  RevokeCommand,
  TransferCommand,
  WatchCommand,
  WithdrawCommand,
} from './commands';
import { DisputeCommand } from './dispute';
import { policyVariantArb } from './policies';
import type { Model, Real } from './state';
import { type CustomerChoice, SubmitCommand } from './submit';

const ref = fc.nat({ max: 40 });

const customerChoice: fc.Arbitrary<CustomerChoice> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fresh' as const),
      identity: fc.constantFrom('uei' as const, 'domain' as const, 'name' as const),
      segment: fc.constantFrom(...segments),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('same' as const), ref }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('similar' as const), ref }) },
);

const submitArgs = (customer: fc.Arbitrary<CustomerChoice>) =>
  fc.record(
    {
      reseller: fc.nat({ max: 3 }),
      customer,
      distributorId: fc.constantFrom('dist-a' as const, 'dist-b' as const),
      program: fc.constantFrom('gold' as const, 'silver' as const),
      productLine: fc.constantFrom('storage' as const, 'storage' as const, 'storage' as const, 'network' as const),
    },
    { requiredKeys: ['reseller', 'customer', 'distributorId', 'productLine'] },
  );

const submit = submitArgs(customerChoice).map((args) => new SubmitCommand(args));

/** A few fresh customers first, so that a sequence's later commands have registrations to act on. */
export const openingSubmissions = fc.array(
  submitArgs(customerChoice.filter((choice) => choice.kind === 'fresh')).map((args) => new SubmitCommand(args)),
  { minLength: 2, maxLength: 4 },
);

const burst = fc
  .record({
    resellers: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 2, maxLength: 3 }),
    identity: fc.constantFrom('uei' as const, 'domain' as const),
    segment: fc.constantFrom(...segments),
    distributorId: fc.constantFrom('dist-a' as const, 'dist-b' as const),
  })
  .map((args) => new BurstCommand(args));

/**
 * Sequences of what happens to registrations: submissions weigh most (every other command needs some),
 * then what partners and channel managers do, time passing, policy changes and a worker killed.
 */
export function lifecycleCommands(maxCommands: number, replayPath?: string) {
  return fc.commands<Model, Real, false>(
    [
      submit,
      submit,
      submit,
      burst,
      ref.map((r) => new WithdrawCommand(r)),
      fc
        .tuple(ref, fc.constantFrom('won' as const, 'lost' as const))
        .map(([r, outcome]) => new CloseCommand(r, outcome)),
      ref.map((r) => new ExtendCommand(r)),
      ref.map((r) => new WatchCommand(r)),
      fc
        .tuple(ref, fc.nat({ max: 3 }), fc.constantFrom('dist-a' as const, 'dist-b' as const))
        .map(([r, to, distributorId]) => new TransferCommand(r, to, distributorId)),
      ref.map((r) => new RevokeCommand(r)),
      fc
        .tuple(ref, fc.constantFrom('proposal' as const, 'commit' as const))
        .map(([r, stage]) => new ChangeCommand(r, stage)),
      fc
        .tuple(ref, fc.constantFrom('award' as const, 'reject-all' as const, 'distinct' as const), ref)
        .map(([r, kind, winner]) => new ResolveCommand(r, kind, winner)),
      fc
        .tuple(ref, fc.constantFrom('upheld' as const, 'overturned' as const, 'distinct' as const))
        .map(([r, outcome]) => new DisputeCommand(r, outcome)),
      fc.constantFrom(500, 1500, 3000).map((ms) => new PassTimeCommand(ms)),
      policyVariantArb.map((variant) => new ChangePolicyCommand(variant)),
      fc.constant(new KillWorkerCommand()),
    ],
    { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) },
  );
}
