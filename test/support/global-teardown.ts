import type { RunningStack } from '../../scripts/dev-stack/stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dealregStack?: RunningStack }).__dealregStack?.stop();
}
