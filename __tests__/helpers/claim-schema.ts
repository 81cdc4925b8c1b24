/**
 * schema/claim-check.v1.schema.json, checked with Ajv's draft 2020-12 validator in strict mode (a keyword or format
 * Ajv does not know is a compile error, so the schema cannot grow a rule the tests silently ignore) and with
 * ajv-formats, without which `format` (date-time, uri) would not be checked at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const CLAIM_SCHEMA_PATH = path.join(__dirname, '..', '..', 'schema', 'claim-check.v1.schema.json');

/** The claim-check JSON Schema as published in the package. */
export const claimSchema: Record<string, unknown> = JSON.parse(fs.readFileSync(CLAIM_SCHEMA_PATH, 'utf8'));

const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Every violation of `schema` by `value`, one line each (`<instance path>: <message>`); empty when valid. */
export function validateAgainstSchema(schema: Record<string, unknown>, value: unknown): string[] {
  const validate = validatorFor(schema);
  return validate(value) ? [] : (validate.errors ?? []).map(describeError);
}

/** Violations of the claim-check schema by `value`; empty when it is a valid claim check v1. */
export function claimSchemaErrors(value: unknown): string[] {
  return validateAgainstSchema(claimSchema, value);
}

function describeError(error: ErrorObject): string {
  return `$${error.instancePath.replace(/\//g, '.')}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}
