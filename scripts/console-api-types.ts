import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { createRouteTable } from '../api/routes';

/** The console's API types, generated: it reads them from here and never mirrors an API shape by hand. */
export const consoleApiTypesFile = path.resolve(__dirname, '..', 'console', 'src', 'api', 'openapi.gen.ts');

const header = `/**
 * Generated from the API's OpenAPI document by \`npm run console:api-types\` (scripts/console-api-types.ts);
 * do not edit. A unit test regenerates it and fails when this file is stale.
 */

`;

/** The TypeScript of the OpenAPI document the route table builds: no server needed. */
export async function generateConsoleApiTypes(): Promise<string> {
  const document = createRouteTable().openApiDocument() as OpenAPI3;
  const nodes = await openapiTS(document, { alphabetize: true, rootTypes: false });
  return header + astToString(nodes);
}

/** `--stdout` prints the types instead of writing the file: the drift test compares them in memory. */
async function main(): Promise<void> {
  const types = await generateConsoleApiTypes();
  if (process.argv.includes('--stdout')) {
    // Flushed before the exit below: a pipe takes 64 KiB at a time, and an exit drops what waits.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(types, (error) => (error ? reject(error) : resolve())),
    );
    return;
  }
  await writeFile(consoleApiTypesFile, types);
  process.stdout.write(`wrote ${path.relative(process.cwd(), consoleApiTypesFile)}\n`);
}

if (require.main === module) {
  main().then(
    // The route table's modules keep handles (mongoose) open: end once the file is written.
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`console:api-types: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
