import type { FieldError } from '../api/types';
import { type PartnerType, type PolicyLimits, partnerTypes } from '../api/types';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt, fieldId } from '../ui/field-paths';

const partnerTypeNames: Record<PartnerType, string> = { integrator: 'integrators', var: 'VARs', boutique: 'boutiques' };

function LimitInput(props: {
  label: string;
  path: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  errors: readonly FieldError[];
}) {
  const { label, path, value, onChange, errors } = props;
  const id = fieldId(path);
  const mine = errorsAt(errors, path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        placeholder="no limit"
        value={value === undefined ? '' : String(value)}
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={mine.length > 0 ? `${id}-errors` : undefined}
        onInput={(event) => onChange(event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value))}
      />
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}

/** Caps that stop one reseller from registering everything; empty means no limit. */
export function LimitsFields(props: {
  limits: PolicyLimits | undefined;
  onChange(limits: PolicyLimits | undefined): void;
  errors: readonly FieldError[];
}) {
  const { limits, onChange, errors } = props;
  const active = limits?.activePerReseller ?? {};
  const tidy = (next: PolicyLimits): PolicyLimits | undefined => {
    const activeLeft = Object.values(next.activePerReseller ?? {}).some((value) => value !== undefined);
    const cleaned: PolicyLimits = {
      ...(activeLeft ? { activePerReseller: next.activePerReseller } : {}),
      ...(next.submissionsPerResellerPerDay !== undefined
        ? { submissionsPerResellerPerDay: next.submissionsPerResellerPerDay }
        : {}),
    };
    return Object.keys(cleaned).length > 0 ? cleaned : undefined;
  };
  return (
    <fieldset id={fieldId('limits')} tabIndex={-1}>
      <legend>Limits</legend>
      <p class="hint">Empty: no limit.</p>
      <div class="field-grid">
        {partnerTypes.map((type) => (
          <LimitInput
            key={type}
            label={`Active registrations per reseller, ${partnerTypeNames[type]}`}
            path={`limits.activePerReseller.${type}`}
            value={active[type]}
            onChange={(value) => onChange(tidy({ ...limits, activePerReseller: { ...active, [type]: value } }))}
            errors={errors}
          />
        ))}
        <LimitInput
          label="Submissions per reseller per day"
          path="limits.submissionsPerResellerPerDay"
          value={limits?.submissionsPerResellerPerDay}
          onChange={(value) => onChange(tidy({ ...limits, submissionsPerResellerPerDay: value }))}
          errors={errors}
        />
      </div>
    </fieldset>
  );
}
