#!/usr/bin/env node
// Generates the API reference (Markdown) from the TSDoc of every entry point of the package's `exports` map, with
// TypeDoc and typedoc-plugin-markdown. Each entry is a module named as it is imported (`cdktf-oci-claim-check`,
// `cdktf-oci-claim-check/consumer`, ...); construct props render with their `@default`. The generated L1 bindings
// (`oci.*`, thousands of classes that mirror the provider's own documentation) are listed by name only.
//
//   node scripts/docs.mjs [--out DIR]      default: docs/api (what `npm run docs` and `npm pack` write)
//
// Fails (exit 1), writing nothing, when an export of any entry has no documentation comment, when a property of an
// exported `...Props`, `...Options` or `...Attributes` type has none (construct props carry their `@default`), and on
// any TypeDoc warning or error (a broken {@link}, a type the API uses that no entry exports). __tests__/docs.test.ts
// runs it, so the reference cannot rot.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Comment, Converter, ReflectionKind } from 'typedoc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, 'docs', 'api'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** `exports` entry -> its TypeScript source: `./dist/lib/consumer/index.d.ts` -> `lib/consumer/index.ts`. */
function entryPointsOf(manifest) {
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => ({
      importPath: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      source: target.types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts'),
    }));
}

const entries = entryPointsOf(pkg);
/**
 * Types the API mentions that no entry exports yet (TypeDoc renders their names without a page). Exporting one is an
 * API change (`__tests__/public-api.test.ts`); until then they are listed here, and any other is a failure.
 */
const intentionallyNotExported = [
  'ALARM_SEVERITIES', // lib/oci/private: AlarmSeverity is its element type
  'GeneratedEntry', // lib/bundling: BundledContainerImageProps.entry
  'OutcomeBase', // lib/consumer/types: the fields every ClaimOutcome has
  'AuthProviderOptions', // lib/runtime: ConsumerAuthOptions
  'LogSink', // lib/runtime: ConsumerLogger
  'RetryRule', // lib/runtime: isRetryable's override
  'ErrorMessageOptions', // lib/runtime: errorMessage's options
  'PartitionCheckpoint', // lib/consumer/progress-store: BucketProgressStore.load
  'JwtClaims', // lib/emulators/common/jwt: LocalResourcePrincipal.claims
  'ResourcePrincipalIdentity', // lib/emulators/common: verifyResourcePrincipalToken
  'ResolvedKey', // lib/emulators/common: CredentialStore.resolve
  'FaultDecision', // lib/emulators/common: FaultInjector.decide
];

const app = await Application.bootstrapWithPlugins({
  name: pkg.name,
  entryPoints: entries.map((e) => join(root, e.source)),
  entryPointStrategy: 'resolve',
  tsconfig: join(root, 'tsconfig.json'),
  plugin: ['typedoc-plugin-markdown'],
  out,
  readme: 'none',
  disableSources: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeInternal: true,
  excludeExternals: true,
  sort: ['kind', 'alphabetical'],
  // Markdown options (typedoc-plugin-markdown): props as tables with their defaults.
  interfacePropertiesFormat: 'table',
  classPropertiesFormat: 'table',
  typeDeclarationFormat: 'table',
  parametersFormat: 'table',
  useCodeBlocks: true,
  hidePageTitle: false,
  // Documentation is checked below (exports and props); TypeDoc's own check also wants every method documented.
  validation: { notExported: true, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: false, unusedMergeModuleWith: true },
  intentionallyNotExported,
  // The OCI SDK's own comments (inherited members of the SDK clients the consumer exports) link to SDK types.
  externalSymbolLinkMappings: { 'oci-common': { '*': 'https://docs.oracle.com/iaas/tools/typescript/latest/' } },
  logLevel: 'Warn',
});

app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
  const project = context.project;
  for (const reflection of Object.values(project.reflections)) plainDefaults(reflection.comment);
  for (const module of project.children ?? []) {
    const file = module.sources?.[0]?.fullFileName ?? module.comment?.sourcePath;
    const entry = entries.find((e) => file && relative(root, file) === e.source) ?? entries.find((e) => module.name === moduleNameOf(e.source));
    if (entry) module.name = entry.importPath;
    // The L1 bindings: one line each would still be thousands of pages of what the provider documents.
    const oci = module.children?.find((c) => c.name === 'oci' && c.kindOf(ReflectionKind.Namespace));
    if (oci) {
      const names = (oci.children ?? []).map((c) => c.name).sort();
      for (const child of [...(oci.children ?? [])]) project.removeReflection(child);
      oci.comment = new Comment([
        {
          kind: 'text',
          text:
            'The typed L1 bindings, generated from the `oracle/oci` provider schema the package ships (`schema/oci-schema.json`): ' +
            '`oci.<module>.<Class>`, e.g. `oci.provider.OciProvider`, `oci.objectstorageBucket.ObjectstorageBucket`. Each class takes the ' +
            "resource's Terraform arguments in camelCase; see the oracle/oci provider's documentation on the Terraform Registry. " +
            'Every L2 exposes its L1 as `.resource` (escape hatches: `addOverride`).\n\nModules: ' +
            names.map((n) => `\`${n}\``).join(', ') +
            '.',
        },
      ]);
    }
  }
});

/**
 * `@default - a new bucket` is a description, not a value (the CDK convention): shown as text, without the dash.
 * TypeDoc shows a tag's content as code when it has no code of its own; literal defaults (`@default 30`) stay code.
 */
function plainDefaults(comment) {
  for (const tag of comment?.blockTags ?? []) {
    if (tag.tag !== '@default' && tag.tag !== '@defaultValue') continue;
    const text = tag.content
      .map((part) => part.text)
      .join('')
      .replace(/^```\w*\n([\s\S]*?)\n```$/, '$1');
    if (/^-\s/.test(text)) tag.content = [{ kind: 'text', text: text.replace(/^-\s+/, '') }];
  }
}

/** What TypeDoc names an entry module by default: its path under the common root, less `/index`. */
function moduleNameOf(source) {
  return source.replace(/^lib\//, '').replace(/(^|\/)index\.ts$/, '') || 'index';
}

const project = await app.convert();
if (!project) {
  console.error('docs: TypeDoc could not convert the project');
  process.exit(1);
}
app.validate(project);
const missing = undocumented(project);
for (const name of missing) console.error(`docs: no documentation comment: ${name}`);
const failed = missing.length > 0 || app.logger.hasErrors() || app.logger.hasWarnings();
if (!failed) await app.generateOutputs(project);
if (failed || app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error(
    `docs: ${missing.length} undocumented, ${app.logger.errorCount} error(s), ${app.logger.warningCount} warning(s); nothing written to ${relative(process.cwd(), out) || '.'}`,
  );
  process.exit(1);
}
console.log(`docs: API reference of ${entries.map((e) => e.importPath).join(', ')} in ${relative(process.cwd(), out) || '.'}`);

/** Every export of every entry, and every own property of its props/options/attributes types, without a comment. */
function undocumented(project) {
  const missing = [];
  const documented = (ref) =>
    ref.hasComment() || (ref.signatures ?? []).some((s) => s.hasComment()) || Boolean(ref.getSignature?.hasComment() || ref.setSignature?.hasComment());
  for (const module of project.children ?? []) {
    for (const ref of module.children ?? []) {
      if (ref.kindOf(ReflectionKind.Reference)) continue; // another name for an export that is checked itself
      if (!documented(ref)) missing.push(`${module.name}: ${ref.name} (${ReflectionKind.singularString(ref.kind)})`);
      if (!/(Props|Options|Attributes)$/.test(ref.name)) continue;
      const members = ref.children ?? (ref.type?.type === 'reflection' ? ref.type.declaration.children : undefined) ?? [];
      for (const member of members) {
        if (member.kindOf(ReflectionKind.Property) && !member.inheritedFrom && !documented(member)) missing.push(`${module.name}: ${ref.name}.${member.name}`);
      }
    }
  }
  return missing;
}
