/**
 * Typed shape of the document that `terraform providers schema -json` prints
 * (see hashicorp/terraform-json `schemas.go`). Only the fields the validator reads
 * are required; everything else terraform prints is optional so that a real dump
 * can be loaded without massaging it.
 */

/** cty type in its JSON form: `"string"`, `["list","string"]`, `["object",{...}]`, ... */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  // cty writes object types with optional attributes as a third element.
  | readonly ['object', { readonly [name: string]: CtyType }, readonly string[]]
  | readonly ['tuple', readonly CtyType[]];

/** How a block may repeat inside its parent (`group` is a single block that is never null). */
export type BlockNestingMode = 'single' | 'group' | 'list' | 'set' | 'map';

export interface SchemaAttribute {
  /** Present for ordinary attributes (SDKv2 providers such as oci use only this form). */
  readonly type?: CtyType;
  /** Present instead of `type` for plugin-framework attributes with nested attributes. */
  readonly nested_type?: SchemaNestedAttributeType;
  readonly description?: string;
  readonly description_kind?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  readonly write_only?: boolean;
}

export interface SchemaNestedAttributeType {
  readonly attributes: { readonly [name: string]: SchemaAttribute };
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
}

export interface SchemaBlock {
  readonly attributes?: { readonly [name: string]: SchemaAttribute };
  readonly block_types?: { readonly [name: string]: SchemaBlockType };
  readonly description?: string;
  readonly description_kind?: string;
  readonly deprecated?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: BlockNestingMode;
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** One resource, data source or provider configuration schema. */
export interface SchemaEntry {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchema {
  readonly provider: SchemaEntry;
  readonly resource_schemas?: { readonly [type: string]: SchemaEntry };
  readonly data_source_schemas?: { readonly [type: string]: SchemaEntry };
  readonly ephemeral_resource_schemas?: { readonly [type: string]: SchemaEntry };
}

export interface ProviderSchemaDocument {
  readonly format_version: string;
  /** Keyed by provider source address, e.g. `registry.terraform.io/oracle/oci`. */
  readonly provider_schemas: { readonly [sourceAddress: string]: ProviderSchema };
}
