import { useState } from 'preact/hooks';
import {
  type Account,
  createRecord,
  getRecord,
  replaceRecord,
  type VendorCollection,
  type VendorRecord,
} from '../api/vendor-records';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt, fieldId } from '../ui/field-paths';
import { formatDateTime } from '../ui/format';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading, ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useApi } from '../ui/use-api';
import { useSubmit } from '../ui/use-submit';
import { type CollectionSpec, collectionSpecs, type FieldSpec, type Values } from './vendor-fields';
import { RecordsTabs } from './vendor-records';

function SelectField({ field, value, onChange, errors }: FieldProps) {
  const id = fieldId(field.path);
  const mine = errorsAt(errors, field.path);
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      <select
        id={id}
        value={value}
        required={field.required}
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={mine.length > 0 ? `${id}-errors` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {field.required && value === '' ? <option value="">Choose…</option> : null}
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}

interface FieldProps {
  field: FieldSpec;
  value: string;
  onChange(value: string): void;
  errors: ReturnType<typeof useSubmit>['fieldErrors'];
}

function Field(props: FieldProps) {
  if (props.field.kind === 'select') return <SelectField {...props} />;
  const { field } = props;
  return (
    <TextField
      id={fieldId(field.path)}
      label={field.label}
      path={field.path}
      value={props.value}
      onChange={props.onChange}
      errors={props.errors}
      hint={field.hint}
      required={field.required}
    />
  );
}

/** Adds a record, or replaces one whole: the API's errors are shown at their fields. */
function RecordForm({ spec, editing }: { spec: CollectionSpec; editing?: VendorRecord }) {
  const { csrf } = useSession();
  const [id, setId] = useState(editing?.id ?? '');
  const [values, setValues] = useState<Values>(() => (editing ? spec.valuesOf(editing) : {}));
  const [saved, setSaved] = useState<string | undefined>();
  const submit = useSubmit();
  return (
    <form
      class="partner-form"
      aria-label={editing ? `Edit ${editing.name}` : `Add ${spec.noun === 'account' ? 'an' : 'a'} ${spec.noun}`}
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(undefined);
        let record: VendorRecord | undefined;
        const body = spec.bodyOf(values);
        const ok = await submit.run(async () => {
          record = editing
            ? await replaceRecord(csrf, spec.collection, editing.id, body)
            : await createRecord(csrf, spec.collection, { id, ...body });
        });
        if (ok && record) {
          if (editing) setSaved(`${record.name} was saved.`);
          else navigate(`/records/${spec.collection}/${encodeURIComponent(record.id)}`);
        }
      }}
    >
      <div class="field-grid">
        <TextField
          id="field-id"
          label="Id"
          path="id"
          value={id}
          onChange={setId}
          errors={submit.fieldErrors}
          hint={editing ? 'The id cannot change.' : 'As in your CRM; letters, digits, dashes, underscores and colons.'}
          required
          disabled={editing !== undefined}
        />
        {spec.fields.map((field) => (
          <Field
            key={field.name}
            field={field}
            value={values[field.name] ?? ''}
            onChange={(value) => setValues({ ...values, [field.name]: value })}
            errors={submit.fieldErrors}
          />
        ))}
      </div>
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      <p class="state state-success" role="status" hidden={!saved}>
        {saved}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : editing ? `Save ${spec.noun}` : `Add ${spec.noun}`}
        </button>
      </div>
    </form>
  );
}

function Facts({ spec, record }: { spec: CollectionSpec; record: VendorRecord }) {
  const memberOf = spec.collection === 'accounts' ? ((record as Account).memberOf ?? []) : [];
  return (
    <dl class="facts">
      <dt>Id</dt>
      <dd>
        <code>{record.id}</code>
      </dd>
      {spec.columns.map((column) => [
        <dt key={`${column.label}-t`}>{column.label}</dt>,
        <dd key={column.label}>{column.value(record)}</dd>,
      ])}
      {spec.collection === 'accounts' ? (
        <>
          <dt>Listed as a member by</dt>
          <dd>{memberOf.length > 0 ? memberOf.join(', ') : '—'}</dd>
        </>
      ) : null}
      <dt>Changed</dt>
      <dd>{formatDateTime(record.updatedAt)}</dd>
    </dl>
  );
}

/** One vendor record: its facts for everyone who may read it, its form for admins; `new` adds one. */
export function VendorRecordPage({ collection, id }: { collection: VendorCollection; id: string }) {
  const { csrf, can } = useSession();
  const spec = collectionSpecs[collection];
  const adding = id === 'new';
  const record = useApi(
    (signal) => (adding ? Promise.resolve(undefined) : getRecord(csrf, collection, id, signal)),
    [csrf, collection, id],
  );
  const title = adding ? `Add ${spec.noun === 'account' ? 'an' : 'a'} ${spec.noun}` : (record.data?.name ?? id);
  return (
    <Page title={title} lead={<Link to={`/records/${collection}`}>All {spec.title.toLowerCase()}</Link>}>
      <RecordsTabs current={collection} />
      {adding ? (
        can.editVendorRecords ? (
          <Section title={title} id="record-form-title">
            <RecordForm spec={spec} />
          </Section>
        ) : (
          <p class="state state-warning">Only administrators add records.</p>
        )
      ) : record.error ? (
        <ErrorState error={record.error} what={`the ${spec.noun}`} onRetry={record.reload} />
      ) : !record.data ? (
        <Loading what={`the ${spec.noun}`} />
      ) : (
        <>
          <Section title="Facts" id="record-facts-title">
            <Facts spec={spec} record={record.data} />
          </Section>
          {can.editVendorRecords ? (
            <Section title={`Edit ${spec.noun}`} id="record-form-title">
              <RecordForm key={record.data.updatedAt} spec={spec} editing={record.data} />
            </Section>
          ) : null}
        </>
      )}
    </Page>
  );
}
