// Every temp dir the tests make (cdktf Testing's outdirs, emulator state, sockets, bundles) goes under one
// per-run directory that the teardown removes: a test run leaves nothing behind in /tmp. Workers start after
// this runs, so they inherit TMPDIR (os.tmpdir() reads it).
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-jest-'));
  process.env.CLAIMCHECK_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
