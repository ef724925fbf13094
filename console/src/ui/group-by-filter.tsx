/** The "By" choice above a program-health table: which dimension its rows are grouped by. */
export function GroupByFilter<G extends string>(props: {
  id: string;
  groupings: Readonly<Record<G, string>>;
  value: NoInfer<G>;
  onChange(value: NoInfer<G>): void;
}) {
  const { id, groupings, value, onChange } = props;
  return (
    <div class="filters">
      <label for={id}>By</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as G)}>
        {(Object.keys(groupings) as G[]).map((name) => (
          <option key={name} value={name}>
            {groupings[name]}
          </option>
        ))}
      </select>
    </div>
  );
}
