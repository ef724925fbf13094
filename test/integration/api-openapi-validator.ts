import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

interface Operation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Checks an answer against the OpenAPI document the API publishes: the path and method must be
 * documented, the status listed, the media type declared, and a JSON body must fit its schema.
 * Every answer in the API tests goes through it, so the document cannot drift from the behaviour.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; pattern: RegExp }>;
  readonly seen = new Set<string>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'openapi');
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  templateOf(path: string): string | undefined {
    const bare = path.split('?')[0] ?? path;
    // A literal path (`/policy/versions`) wins over a template that also matches it.
    return (
      this.templates.find((t) => t.template === bare)?.template ??
      this.templates.find((t) => t.pattern.test(bare))?.template
    );
  }

  check(method: string, path: string, response: Response): void {
    const template = this.templateOf(path);
    if (!template) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
    const operation = this.document.paths[template]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${template} is not in the OpenAPI document`);
    this.seen.add(`${method.toUpperCase()} ${template} ${response.status}`);
    const declared = operation.responses?.[String(response.status)];
    if (!declared) {
      throw new Error(
        `${method.toUpperCase()} ${template} answered ${response.status}, which its document does not list: ${response.text.slice(0, 500)}`,
      );
    }
    const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!declared.content) {
      if (response.text) throw new Error(`${method.toUpperCase()} ${template} ${response.status} should have no body`);
      return;
    }
    if (!(mediaType in declared.content)) {
      throw new Error(
        `${method.toUpperCase()} ${template} ${response.status} answered ${mediaType}, not one of ${Object.keys(declared.content).join(', ')}`,
      );
    }
    if (!mediaType.includes('json')) return;
    const pointer = ['paths', template, method, 'responses', String(response.status), 'content', mediaType, 'schema']
      .map(escapePointer)
      .join('/');
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi#/${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (!validate(JSON.parse(response.text))) {
      throw new Error(
        `${method.toUpperCase()} ${template} ${response.status} does not fit the document: ${this.ajv.errorsText(validate.errors)}\n${response.text.slice(0, 1000)}`,
      );
    }
  }
}
