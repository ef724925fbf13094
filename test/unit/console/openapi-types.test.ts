import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..', '..');
const committedFile = path.join(root, 'console', 'src', 'api', 'openapi.gen.ts');

// The console's API types are generated from the OpenAPI document; a route or schema changed without
// regenerating them would let the console drift from the API it calls. The generator runs in its own
// process: openapi-typescript loads ESM-only dependencies that Jest's CommonJS runtime cannot require.
test('the committed console API types are those the OpenAPI document generates', async () => {
  const [{ stdout: generated }, committed] = await Promise.all([
    promisify(execFile)(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/console-api-types.ts', '--stdout'], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    }),
    readFile(committedFile, 'utf8'),
  ]);
  expect(generated).toContain('InsightPoint');
  if (generated !== committed) {
    throw new Error(
      `console/src/api/openapi.gen.ts is stale: run \`npm run console:api-types\` and commit the result\n${firstDifference(generated, committed)}`,
    );
  }
});

/** Where the two first part, so a failure seen only in CI says what drifted. */
function firstDifference(generated: string, committed: string): string {
  const generatedLines = generated.split('\n');
  const committedLines = committed.split('\n');
  const line = generatedLines.findIndex((text, index) => text !== committedLines[index]);
  const at = line === -1 ? generatedLines.length : line;
  return `line ${at + 1}: generated ${JSON.stringify(generatedLines[at])}, committed ${JSON.stringify(committedLines[at])} (${generatedLines.length} and ${committedLines.length} lines)`;
}
