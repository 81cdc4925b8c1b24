// Preloaded into a benchmarked process: prints its peak resident set size on exit, for bench/*.mjs. VmHWM (the peak
// of this process's own address space since exec) where /proc has it; resourceUsage().maxRSS otherwise (on Linux that
// can carry the parent's peak from before the exec).
const { readFileSync } = require('node:fs');

process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? kb);
  } catch {
    // not Linux: keep maxRSS
  }
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${kb}\n`);
});
