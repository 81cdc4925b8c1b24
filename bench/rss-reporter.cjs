// Preloaded into a benchmarked process: prints its peak resident set size on exit, for bench/*.mjs.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
