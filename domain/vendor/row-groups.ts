/**
 * Rows of an import that must be written one after another, in the file's order: those that share a
 * key (the same id, or for accounts the same identifier or domain). Then the file decides, as a person
 * reading it expects: the last row of an id is what stays, and of two accounts claiming one domain the
 * earlier row gets it. Rows in different groups may be written at once.
 */
export function rowsSharingKeys(keysOfRows: readonly (readonly string[])[]): number[][] {
  const parent = keysOfRows.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at] as number] as number;
      at = parent[at] as number;
    }
    return at;
  };
  const firstWithKey = new Map<string, number>();
  keysOfRows.forEach((keys, index) => {
    for (const key of keys) {
      const earlier = firstWithKey.get(key);
      if (earlier === undefined) firstWithKey.set(key, index);
      else {
        const [a, b] = [root(earlier), root(index)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, number[]>();
  keysOfRows.forEach((_, index) => {
    const group = root(index);
    groups.set(group, [...(groups.get(group) ?? []), index]);
  });
  return [...groups.values()];
}
