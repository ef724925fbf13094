/** Does nothing but say when it ran. */
export async function noop(): Promise<number> {
  return Date.now();
}
