import type { RegistrationFilters } from '../api/registrations';
import { registrationStatuses } from '../api/types';
import { words } from '../ui/format';

/** The status filter of a registration list (staff search and the partner's list alike). */
export function StatusFilter({
  value,
  onChange,
}: {
  value: string;
  onChange(event: { currentTarget: { value: string } }): void;
}) {
  return (
    <div class="field">
      <label for="filter-status">Status</label>
      <select id="filter-status" value={value} onChange={onChange}>
        <option value="">Any status</option>
        {registrationStatuses.map((status) => (
          <option key={status} value={status}>
            {words(status)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The customer text search of a registration list: name, domain or opportunity title. */
export function CustomerFilter({
  value,
  onInput,
}: {
  value: string;
  onInput(event: { currentTarget: { value: string } }): void;
}) {
  return (
    <div class="field grow">
      <label for="filter-customer">Customer</label>
      <input
        id="filter-customer"
        type="search"
        placeholder="name, domain or opportunity title"
        value={value}
        onInput={onInput}
      />
    </div>
  );
}

type DayFilter = 'submittedFrom' | 'submittedTo';

/** Submitted from / until (UTC days, both included), as the API filters them. */
export function DayFilters({
  from,
  until,
  onInput,
}: {
  from: string;
  until: string;
  onInput(name: DayFilter): (event: { currentTarget: { value: string } }) => void;
}) {
  return (
    <>
      <div class="field">
        <label for="filter-from">Submitted from</label>
        <input id="filter-from" type="date" value={from} onInput={onInput('submittedFrom')} />
      </div>
      <div class="field">
        <label for="filter-to">Submitted until</label>
        <input id="filter-to" type="date" value={until} onInput={onInput('submittedTo')} />
      </div>
    </>
  );
}

/** The filters live in the URL, so a list can be reloaded, bookmarked and gone back to: those named, as given. */
export function filtersFrom(
  search: URLSearchParams,
  names: readonly (keyof RegistrationFilters)[],
): RegistrationFilters {
  const filters: RegistrationFilters = {};
  for (const name of names) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}
