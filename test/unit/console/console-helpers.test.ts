import { partialNote, progressText } from '../../../console/src/pages/simulation-progress';
import { lineOfPath, locateJsonPaths, syntaxErrorLine } from '../../../console/src/ui/json-locate';

// The console's pure helpers: where an API field error lands in the JSON editor, a simulation's progress.

const policyText = JSON.stringify(
  { model: 'segment', routes: [{ when: { segments: ['commercial'] }, distributors: ['dist-a', 'dist-x'] }] },
  null,
  2,
);
const lineOf = (path: string) => lineOfPath(policyText, locateJsonPaths(policyText), path);
const lineContaining = (text: string) => policyText.split('\n').findIndex((line) => line.includes(text)) + 1;

test('an API error path is shown at the line of its value', () => {
  expect(lineOf('model')).toBe(lineContaining('"model"'));
  expect(lineOf('routes.0.distributors.1')).toBe(lineContaining('"dist-x"'));
  expect(lineOf('routes.0.when.segments.0')).toBe(lineContaining('"commercial"'));
});

test('a path the text lacks is shown at its nearest ancestor', () => {
  expect(lineOf('routes.0.when.regions')).toBe(lineContaining('"when"'));
  expect(lineOf('timing.protection')).toBe(1);
});

test('keys with escapes and compact JSON are located too', () => {
  const text = '{"a\\"b": {"c": [1, {"d": true}]},\n"e": null}';
  const offsets = locateJsonPaths(text);
  expect(lineOfPath(text, offsets, 'a"b.c.1.d')).toBe(1);
  expect(lineOfPath(text, offsets, 'e')).toBe(2);
});

test('a JSON syntax error is placed at the line where parsing stopped', () => {
  const lineOfSyntaxError = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return syntaxErrorLine(text, error as SyntaxError);
    }
    throw new Error('the text parsed');
  };
  const long = `{\n  "model": "open",\n  "onWrongRoute": "reject",\n  "routes": [,]\n}`;
  expect(lineOfSyntaxError(long)).toBe(4);
  expect(lineOfSyntaxError('{\n  "model": "open",\n  "x": tru\n}')).toBe(3);
  expect(lineOfSyntaxError('{\n  "model": "open",\n')).toBe(3);
});

test('a running simulation shows its progress; a timed-out one says its report is partial', () => {
  expect(progressText({ read: 0, totalEstimate: 0 })).toBe('Starting…');
  expect(progressText({ read: 1500, totalEstimate: 6000 })).toBe('Replayed 1,500 of about 6,000 registrations (25%)');
  const job = {
    id: 'sim_1',
    status: 'timed-out',
    label: 'candidate policy',
    startedAt: '2026-01-01T00:00:00.000Z',
    deadline: '2026-01-01T00:02:00.000Z',
    progress: { read: 400_000, totalEstimate: 1_000_000 },
    partial: true,
  } as const;
  expect(partialNote(job)).toContain('400,000 of about 1,000,000');
  expect(partialNote({ ...job, status: 'done', partial: false })).toBeUndefined();
});
