import type { Distributor, FieldError } from '../api/types';
import { fieldId } from '../ui/field-paths';
import { JsonEditor, type LineError } from '../ui/json-editor';
import { lineOfPath, locateJsonPaths } from '../ui/json-locate';
import { draftOf, draftText } from './policy-draft';
import { PolicyForm } from './policy-form';

export type EditorView = 'form' | 'json';

interface PolicyEditorProps {
  text: string;
  onText(text: string): void;
  view: EditorView;
  onView(view: EditorView): void;
  distributors: Distributor[];
  /** The API's field errors, paths relative to the policy. */
  problems: readonly FieldError[];
  /** JSON.parse's complaint, at its line. */
  syntax: readonly LineError[];
}

/** Focuses the control of a path, or of its nearest ancestor on screen (a missing field's object). */
function focusField(path: string): void {
  const segments = path.split('.');
  for (let length = segments.length; length >= 0; length -= 1) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

function ErrorSummary({ problems }: { problems: readonly FieldError[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="field-errors" role="alert">
      <p>
        {problems.length} problem{problems.length === 1 ? '' : 's'} in the policy:
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            <button type="button" class="link" onClick={() => focusField(problem.path)}>
              Go to {problem.path || 'the policy'}
            </button>{' '}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The candidate policy, edited in a form or, for power users, as JSON. The text is the one source of
 * truth: the form reads it and writes it back, so switching views loses nothing.
 */
export function PolicyEditor({ text, onText, view, onView, distributors, problems, syntax }: PolicyEditorProps) {
  const parsed = draftOf(text);
  const lineErrors = (): LineError[] => {
    const offsets = locateJsonPaths(text);
    return [
      ...syntax,
      ...problems.map((problem) => ({
        line: lineOfPath(text, offsets, problem.path),
        path: problem.path,
        message: problem.message,
      })),
    ];
  };
  return (
    <>
      <fieldset class="toggle">
        <legend>Edit as</legend>
        <label>
          <input type="radio" name="editor-view" checked={view === 'form'} onChange={() => onView('form')} />
          Form
        </label>
        <label>
          <input type="radio" name="editor-view" checked={view === 'json'} onChange={() => onView('json')} />
          JSON
        </label>
      </fieldset>
      {view === 'json' || 'error' in parsed ? (
        <>
          {view === 'form' && 'error' in parsed ? (
            <p class="state state-warning" role="status">
              The JSON is not a policy the form can show ({parsed.error}); fix it here first.
            </p>
          ) : null}
          <JsonEditor
            id="policy-json"
            label="Candidate policy (JSON)"
            value={text}
            onChange={onText}
            errors={syntax.length > 0 || problems.length > 0 ? lineErrors() : []}
          />
        </>
      ) : (
        <>
          <ErrorSummary problems={problems} />
          <PolicyForm
            draft={parsed.draft}
            onChange={(draft) => onText(draftText(draft))}
            distributors={distributors}
            errors={problems}
          />
        </>
      )}
    </>
  );
}
