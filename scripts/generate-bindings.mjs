#!/usr/bin/env node
// Generates the typed L1 bindings for the OCI provider from the project's copy of the provider schema
// (schema/oci-schema.json, a trimmed `terraform providers schema -json` of oracle/oci; see schema/PROVENANCE.md).
// Offline by design: no `cdktf get`, no registry, no provider binary. Output: lib/generated/ (never edit by hand).
//
//   node scripts/generate-bindings.mjs           regenerate lib/generated
//   node scripts/generate-bindings.mjs --check   exit 1 if lib/generated differs from what the schema gives
import { CodeMaker, TerraformProviderGenerator } from '@cdktf/provider-generator';
import { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } from '@cdktf/commons';
import { readFileSync, mkdtempSync, rmSync, readdirSync, statSync, existsSync, cpSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'schema', 'oci-schema.json');
const outDir = join(root, 'lib', 'generated');
const check = process.argv.includes('--check');
const providerSource = 'registry.terraform.io/oracle/oci';
// The provider version the schema was extracted from (schema/PROVENANCE.md). cdktf writes the exact version
// (8.28.0) into required_providers: the version our schema validator checks stacks against. The constraint is
// recorded in the bindings' metadata too.
const providerVersion = JSON.parse(readFileSync(join(root, 'schema', 'oci-force-new.json'), 'utf8')).provider_version;
const versionConstraint = `~> ${providerVersion.split('.').slice(0, 2).join('.')}`;

async function generate(target) {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  // `cdktf get` adds the resolved version beside the schema the same way.
  schema.provider_versions = { [providerSource]: providerVersion };
  const generator = new TerraformProviderGenerator(new CodeMaker(), schema);
  generator.generate(
    new ConstructsMakerProviderTarget(
      new TerraformProviderConstraint(`${providerSource}@${versionConstraint}`),
      LANGUAGES[0],
    ),
  );
  await generator.save(target);
}

// Paths of every file under dir, relative to dir, sorted.
function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p));
  }
  return out.sort();
}

const tmp = mkdtempSync(join(tmpdir(), 'oci-bindings-'));
try {
  await generate(tmp);
  if (check) {
    const want = listFiles(tmp);
    const have = listFiles(outDir);
    const drift = [];
    for (const f of new Set([...want, ...have])) {
      const a = existsSync(join(tmp, f)) ? readFileSync(join(tmp, f), 'utf8') : null;
      const b = existsSync(join(outDir, f)) ? readFileSync(join(outDir, f), 'utf8') : null;
      if (a !== b) drift.push(f);
    }
    if (drift.length) {
      console.error(`lib/generated is out of date with schema/oci-schema.json (${drift.length} files): ${drift.slice(0, 10).join(', ')}`);
      console.error('Run `npm run generate` and commit the result.');
      process.exit(1);
    }
    console.log(`lib/generated matches the schema (${want.length} files).`);
  } else {
    rmSync(outDir, { recursive: true, force: true });
    cpSync(tmp, outDir, { recursive: true });
    console.log(`Generated ${listFiles(outDir).length} files into ${relative(root, outDir)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
