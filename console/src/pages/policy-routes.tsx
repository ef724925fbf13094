import type { FieldError } from '../api/types';
import { type Distributor, type PartnerType, partnerTypes, type Route, type Segment, segments } from '../api/types';
import { CheckGroup } from '../ui/check-group';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt, fieldId } from '../ui/field-paths';
import { words } from '../ui/format';
import { ListInput } from '../ui/list-input';
import { newRoute, type PolicyDraft, usedValues } from './policy-draft';

interface RoutesEditorProps {
  draft: PolicyDraft;
  onChange(routes: Route[]): void;
  distributors: Distributor[];
  errors: readonly FieldError[];
}

const partnerTypeLabels: Record<PartnerType, string> = { integrator: 'Integrator', var: 'VAR', boutique: 'Boutique' };

/** A list condition: an empty pick means "any", which the policy says by leaving the field out. */
const listOrAbsent = <T,>(values: T[]) => (values.length > 0 ? values : undefined);

function RouteEditor(props: {
  route: Route;
  index: number;
  count: number;
  routes: Route[];
  distributors: Distributor[];
  errors: readonly FieldError[];
  onChange(route: Route): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { route, index, count, routes, distributors, errors, onChange, onMove, onRemove } = props;
  const path = `routes.${index}`;
  const when = (patch: Partial<Route['when']>) => onChange({ ...route, when: { ...route.when, ...patch } });
  const conditionErrors = errorsAt(errors, `${path}.when`, true);
  return (
    <li class="route card">
      <fieldset id={fieldId(path)} tabIndex={-1}>
        <legend>Route {index + 1}</legend>
        <p class="hint">A registration that fits every condition below must go through one of its distributors.</p>
        <div class="route-conditions" id={fieldId(`${path}.when`)} tabIndex={-1}>
          <CheckGroup<Segment>
            legend="Segments"
            path={`${path}.when.segments`}
            options={segments.map((value) => ({ value, label: words(value) }))}
            selected={route.when.segments ?? []}
            onChange={(values) => when({ segments: listOrAbsent(values) })}
            errors={errors}
          />
          <CheckGroup<PartnerType>
            legend="Partner types"
            path={`${path}.when.partnerTypes`}
            options={partnerTypes.map((value) => ({ value, label: partnerTypeLabels[value] }))}
            selected={route.when.partnerTypes ?? []}
            onChange={(values) => when({ partnerTypes: listOrAbsent(values) })}
            errors={errors}
          />
          <div>
            <ListInput
              label="Regions"
              path={`${path}.when.regions`}
              values={route.when.regions ?? []}
              onChange={(values) => when({ regions: listOrAbsent(values) })}
              suggestions={usedValues(routes, 'regions')}
              errors={errors}
            />
            <ListInput
              label="Programs"
              path={`${path}.when.programs`}
              values={route.when.programs ?? []}
              onChange={(values) => when({ programs: listOrAbsent(values) })}
              suggestions={usedValues(routes, 'programs')}
              errors={errors}
            />
          </div>
        </div>
        <FieldMessages id={`${fieldId(`${path}.when`)}-errors`} errors={conditionErrors} />
        <CheckGroup<string>
          legend="Distributors"
          path={`${path}.distributors`}
          options={distributors.map((distributor) => ({ value: distributor.id, label: distributor.name }))}
          selected={route.distributors}
          onChange={(values) => onChange({ ...route, distributors: values })}
          errors={errors}
        />
        <div class="actions">
          <button type="button" disabled={index === 0} onClick={() => onMove(-1)}>
            Move up<span class="visually-hidden"> route {index + 1}</span>
          </button>
          <button type="button" disabled={index === count - 1} onClick={() => onMove(1)}>
            Move down<span class="visually-hidden"> route {index + 1}</span>
          </button>
          <button type="button" onClick={onRemove}>
            Remove route {index + 1}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** The routes, checked in order: the first that fits a registration decides. */
export function RoutesEditor({ draft, onChange, distributors, errors }: RoutesEditorProps) {
  const routes = draft.routes ?? [];
  const replace = (index: number, route: Route) => onChange(routes.map((r, at) => (at === index ? route : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...routes];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  };
  const ownErrors = errorsAt(errors, 'routes', true);
  return (
    <fieldset id={fieldId('routes')} tabIndex={-1}>
      <legend>Routes</legend>
      <p class="hint">Checked in order; the first route that fits a registration decides.</p>
      <FieldMessages id={`${fieldId('routes')}-errors`} errors={ownErrors} />
      {routes.length === 0 ? <p class="muted">No routes.</p> : null}
      <ol class="routes plain">
        {routes.map((route, index) => (
          <RouteEditor
            // Routes have no id of their own; their position is their identity while editing.
            key={index}
            route={route}
            index={index}
            count={routes.length}
            routes={routes}
            distributors={distributors}
            errors={errors}
            onChange={(next) => replace(index, next)}
            onMove={(by) => move(index, by)}
            onRemove={() => onChange(routes.filter((_, at) => at !== index))}
          />
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...routes, newRoute(draft.model, distributors[0]?.id)])}>
        Add a route
      </button>
    </fieldset>
  );
}
