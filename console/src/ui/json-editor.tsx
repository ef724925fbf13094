import { useRef } from 'preact/hooks';

export interface LineError {
  line: number;
  path: string;
  message: string;
}

interface JsonEditorProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  errors: LineError[];
}

/** Selects a whole line of the textarea and brings it into view, so "go to the error" lands on it. */
function selectLine(textarea: HTMLTextAreaElement, line: number): void {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  const end = start + (lines[line - 1]?.length ?? 0);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * A JSON textarea with a line-number gutter that marks the lines the API (or JSON.parse) found
 * wrong, and a list of those errors; each error is a button that selects its line.
 */
export function JsonEditor({ id, label, value, onChange, errors }: JsonEditorProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = value.split('\n').length;
  const badLines = new Map(errors.map((error) => [error.line, error.message]));
  const errorsId = `${id}-errors`;
  return (
    <div class="json-editor">
      <label for={id}>{label}</label>
      <div class={`editor-frame${errors.length > 0 ? ' invalid' : ''}`}>
        <div class="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, index) => {
            const line = index + 1;
            const problem = badLines.get(line);
            return (
              <div key={line} class={problem ? 'bad-line' : undefined} title={problem}>
                {problem ? '● ' : ''}
                {line}
              </div>
            );
          })}
        </div>
        <textarea
          id={id}
          ref={textarea}
          value={value}
          wrap="off"
          spellcheck={false}
          autocomplete="off"
          rows={24}
          aria-invalid={errors.length > 0 ? 'true' : undefined}
          aria-describedby={errors.length > 0 ? errorsId : undefined}
          onInput={(event) => onChange(event.currentTarget.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
      {errors.length > 0 ? (
        <div id={errorsId} class="field-errors" role="alert">
          <p>
            {errors.length} problem{errors.length === 1 ? '' : 's'} in the policy:
          </p>
          <ul>
            {errors.map((error) => (
              <li key={`${error.line}:${error.path}:${error.message}`}>
                <button
                  type="button"
                  class="link"
                  onClick={() => textarea.current && selectLine(textarea.current, error.line)}
                >
                  Line {error.line}
                </button>{' '}
                {error.path ? <code>{error.path}</code> : null} {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
