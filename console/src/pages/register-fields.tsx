import type { RegistrationForm } from '../api/portal';
import type { FieldError } from '../api/types';
import { CheckGroup } from '../ui/check-group';
import { fieldId } from '../ui/field-paths';
import { words } from '../ui/format';
import { Section } from '../ui/page';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import type { DealDraft } from './register-draft';

interface FieldsProps {
  form: RegistrationForm;
  draft: DealDraft;
  onChange(draft: DealDraft): void;
  errors: readonly FieldError[];
  /** A vendor seller's direct opportunity: no distributor, reseller or program to choose. */
  direct: boolean;
}

/** Suggestions as you type (regions and programs are free words the policy may route by). */
function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

/** Every field of the register-a-deal form, each with its label and the API's errors for it. */
export function RegisterFields({ form, draft, onChange, errors, direct }: FieldsProps) {
  const text = (
    key: keyof DealDraft,
    path: string,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={fieldId(path)}
      label={label}
      path={path}
      value={draft[key] as string}
      onChange={(value) => onChange({ ...draft, [key]: value })}
      errors={errors}
      {...extra}
    />
  );
  const choose = (key: keyof DealDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      {direct ? null : (
        <Section title="Who registers" id="who-title">
          {form.resellers ? (
            <SelectField
              id={fieldId('resellerId')}
              label="For reseller"
              path="resellerId"
              value={draft.resellerId}
              placeholder="Choose a reseller…"
              options={form.resellers.map((r) => ({ value: r.id, label: `${r.name} (${r.id})` }))}
              onChange={choose('resellerId')}
              errors={errors}
              hint="Registered on the reseller's behalf: it sees the registration and is told the decision."
            />
          ) : null}
          <SelectField
            id={fieldId('distributorId')}
            label="Through distributor"
            path="distributorId"
            value={draft.distributorId}
            placeholder={form.distributors.length === 1 ? undefined : 'Choose a distributor…'}
            options={form.distributors.map((d) => ({ value: d.id, label: `${d.name} (${d.id})` }))}
            onChange={choose('distributorId')}
            errors={errors}
          />
          {text('program', 'program', 'Program (optional)', { list: 'programs-offered' })}
          <Suggestions id="programs-offered" values={form.programs} />
        </Section>
      )}
      <Section title="Customer" id="customer-title">
        {text('customerName', 'customer.name', 'Customer name', { required: true })}
        {text('domain', 'customer.domain', 'Web domain (optional)', { hint: 'for example acme.gov' })}
        <div class="form-grid">
          {text('uei', 'customer.identifiers.uei', 'UEI (optional)')}
          {text('duns', 'customer.identifiers.duns', 'DUNS (optional)')}
          {text('taxId', 'customer.identifiers.taxId', 'Tax id (optional)')}
        </div>
        <SelectField
          id={fieldId('customer.segment')}
          label="Segment"
          path="customer.segment"
          value={draft.segment}
          placeholder="Choose a segment…"
          options={form.segments.map((segment) => ({ value: segment, label: words(segment) }))}
          onChange={choose('segment')}
          errors={errors}
        />
        {text('region', 'customer.region', 'Region (optional)', { list: 'regions-offered' })}
        <Suggestions id="regions-offered" values={form.regions} />
      </Section>
      <Section title="Opportunity" id="opportunity-title">
        {text('title', 'opportunity.title', 'Title', { required: true })}
        {form.products.length > 0 ? (
          <CheckGroup
            legend="Products"
            path="opportunity.productLines"
            options={form.products.map((p) => ({ value: p.id, label: `${p.name} (${p.family})` }))}
            selected={draft.products}
            onChange={(products) => onChange({ ...draft, products })}
            errors={errors}
          />
        ) : (
          text('productText', 'opportunity.productLines', 'Product lines', {
            hint: 'Separate several with commas, for example storage, networking.',
          })
        )}
        <div class="form-grid">
          {text('amount', 'opportunity.estimatedValue.amount', 'Estimated value (optional)', { type: 'number' })}
          {text('currency', 'opportunity.estimatedValue.currency', 'Currency')}
          {text('closeDate', 'opportunity.expectedCloseDate', 'Expected close date (optional)', { type: 'date' })}
        </div>
      </Section>
    </>
  );
}
