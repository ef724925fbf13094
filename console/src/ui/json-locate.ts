/**
 * Where each value of a JSON text starts, by dotted path (`routes.0.when.segments`), so that an
 * error the API reports for a path can be shown at its line. A small scanner rather than a parser
 * library: the text has already passed JSON.parse, so it only has to keep offsets.
 */
export function locateJsonPaths(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  };
  const readString = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const join = (path: string, segment: string | number) => (path === '' ? String(segment) : `${path}.${segment}`);

  const readValue = (path: string): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const closing = ch === '{' ? '}' : ']';
      i += 1;
      let index = 0;
      for (;;) {
        skipSpace();
        if (text[i] === closing || i >= text.length) break;
        let childPath: string;
        if (ch === '{') {
          const keyStart = i;
          childPath = join(path, readString());
          offsets.set(childPath, keyStart);
          skipSpace();
          i += 1; // the colon
        } else {
          skipSpace();
          childPath = join(path, index);
          offsets.set(childPath, i);
        }
        readValue(childPath);
        index += 1;
        skipSpace();
        if (text[i] === ',') i += 1;
      }
      i += 1;
    } else if (ch === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i += 1;
    }
  };

  offsets.set('', 0);
  readValue('');
  return offsets;
}

export const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * The line of a path, or of its nearest ancestor that the text has (a missing required field is
 * reported at the object that lacks it).
 */
export function lineOfPath(text: string, offsets: Map<string, number>, path: string): number {
  const segments = path === '' ? [] : path.split('.');
  for (let length = segments.length; length >= 0; length -= 1) {
    const offset = offsets.get(segments.slice(0, length).join('.'));
    if (offset !== undefined) return lineAt(text, offset);
  }
  return 1;
}

/** V8 shows this many characters of context before the offending token. */
const V8_CONTEXT_CHARS = 10;

/**
 * The line where JSON.parse stopped, read from its message: "at position 42" when the engine
 * says so, else V8's quoted context (`Unexpected token ',', ..."outes": [,]..." is not valid JSON`),
 * found back in the text.
 */
export function syntaxErrorLine(text: string, error: SyntaxError): number | undefined {
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position !== undefined) return lineAt(text, Number(position));
  if (/end of JSON input/.test(error.message)) return text.trimEnd().split('\n').length;
  const context = /^Unexpected token '?([\s\S]+?)'?, (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(
    error.message,
  );
  if (!context) return undefined;
  const [, token = '', cut, snippet = ''] = context;
  const start = text.indexOf(snippet);
  if (start < 0) return undefined;
  const within = cut ? V8_CONTEXT_CHARS : Math.max(0, snippet.indexOf(token));
  return lineAt(text, start + within);
}
