/** Optional fields are left out rather than sent as null: the response schemas say optional, not nullable. */
export function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null)) as T;
}
