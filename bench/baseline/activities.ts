/** Does nothing but say when it ran. */
export async function noop(): Promise<number> {
  return Date.now();
}

// The shape twin's steps: where a registration's workflow runs acceptRegistration, weighRegistration
// and recordStep, the twin runs these, which do nothing.

/** The acceptance's place: the registration's number (always 1; nothing is stored). */
export async function acceptNothing(): Promise<{ sequence: number }> {
  return { sequence: 1 };
}

/** The first look's place: an approval of nobody's deal. */
export async function lookAtNothing(): Promise<{ outcome: 'approve'; at: string }> {
  return { outcome: 'approve', at: new Date().toISOString() };
}

/** The decision step's place: says when it ran (epoch ms), the twin's "decision stored". */
export async function recordNothing(): Promise<number> {
  return Date.now();
}
