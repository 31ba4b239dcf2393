import { Ajv2020 } from 'ajv/dist/2020.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Every Schema Object of an OpenAPI 3.1 document, with where it is: parameters, bodies, responses, headers, components. */
export function schemaObjectsOf(doc: any): { where: string; schema: unknown }[] {
  const found: { where: string; schema: unknown }[] = [];
  const add = (where: string, schema: unknown) => schema !== undefined && found.push({ where, schema });
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(item)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) add(`${at} parameter ${p.name}`, p.schema);
      for (const [type, media] of Object.entries<any>(op.requestBody?.content ?? {})) add(`${at} body ${type}`, media.schema);
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        for (const [type, media] of Object.entries<any>(response.content ?? {})) add(`${at} ${status} ${type}`, media.schema);
        for (const [name, header] of Object.entries<any>(response.headers ?? {})) add(`${at} ${status} header ${name}`, header.schema);
      }
    }
  }
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) add(`components/schemas/${name}`, schema);
  return found;
}

/**
 * The OpenAPI validators check a 3.1 Schema Object only for being an object: OpenAPI 3.1 leaves
 * its dialect to JSON Schema 2020-12. This compiles each one with Ajv's 2020-12 meta-schema in
 * strict mode (unknown keywords, draft-07 tuples and the like are errors), with the keywords the
 * OpenAPI 3.1 dialect adds. Returns one line per schema that does not compile.
 */
export function jsonSchema2020Problems(schemas: { where: string; schema: unknown }[]): string[] {
  const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
  ajv.addKeyword({ keyword: ['example', 'discriminator', 'xml', 'externalDocs'] });
  const problems: string[] = [];
  for (const { where, schema } of schemas) {
    try {
      ajv.compile(schema as object);
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
    }
  }
  return problems;
}
