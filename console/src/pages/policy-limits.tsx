import type { FieldError } from '../api/types';
import { type PartnerType, type PolicyLimits, partnerTypes } from '../api/types';
import { fieldId } from '../ui/field-paths';
import { WholeNumberInput } from '../ui/whole-number-input';

const partnerTypeNames: Record<PartnerType, string> = { integrator: 'integrators', var: 'VARs', boutique: 'boutiques' };

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
          <WholeNumberInput
            key={type}
            label={`Active registrations per reseller, ${partnerTypeNames[type]}`}
            path={`limits.activePerReseller.${type}`}
            value={active[type]}
            onChange={(value) => onChange(tidy({ ...limits, activePerReseller: { ...active, [type]: value } }))}
            errors={errors}
            min={1}
            placeholder="no limit"
          />
        ))}
        <WholeNumberInput
          label="Submissions per reseller per day"
          path="limits.submissionsPerResellerPerDay"
          value={limits?.submissionsPerResellerPerDay}
          onChange={(value) => onChange(tidy({ ...limits, submissionsPerResellerPerDay: value }))}
          errors={errors}
          min={1}
          placeholder="no limit"
        />
      </div>
    </fieldset>
  );
}
