// Minifies scripts for finishing/minify_js.py with terser (pinned in
// package.json): reads [{name, code}, ...] as JSON on stdin, writes
// [code, ...] in the same order. A script terser cannot parse exits 1 naming it.
"use strict";
const { minify } = require("terser");

const OPTIONS = {
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true, // local names only: globals such as window.trustGuide are left alone
  format: { comments: false },
};

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const files = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const out = [];
  for (const file of files) {
    try {
      out.push((await minify(file.code, OPTIONS)).code);
    } catch (err) {
      process.stderr.write(`${file.name}: terser cannot minify it: ${err.message} (line ${err.line}, column ${err.col})\n`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main();
