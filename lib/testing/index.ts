/**
 * `cdktf-oci-claim-check/testing`: helpers for testing stacks built with this library.
 */
export type {
  BlockNestingMode,
  CtyType,
  ProviderSchema,
  ProviderSchemaDocument,
  SchemaAttribute,
  SchemaBlock,
  SchemaBlockType,
  SchemaEntry,
  SchemaNestedAttributeType,
} from './schema-types';
export type { SchemaViolation } from './findings';
export type { UnknownTypePolicy, ValidateOptions, ValidationResult } from './schema-validator';
export { assertValidTerraformJson, findDeprecatedUsages, validateTerraformJson } from './schema-validator';
export {
  isPartialProviderSchema,
  loadOciProviderSchema,
  loadProviderSchemaFile,
  loadProviderSchemas,
  mergeProviderSchemas,
} from './schema-loading';
