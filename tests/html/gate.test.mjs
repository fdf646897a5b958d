// The Nu HTML Checker gate catches what it is for: a page with a planted violation (a
// duplicate id, an attribute value holding `=` left unquoted, attributes with no space between
// them) makes tests/html/nu.mjs fail with each error at its file and line, and a valid page
// passes. Run by .ci/run before the gate itself, so that a gate that cannot fail is caught.
//
//   node --test tests/html/gate.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const gate = path.join(here, "nu.mjs");

const VALID = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Valid</title></head>
<body><main><h1 id="a">A page</h1><p><a href="/en/?a=b">Home</a></p></main></body></html>
`;

/// Runs the gate on one page written to a temporary folder.
function checkPage(html) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "testimony-gate-"));
  try {
    const page = path.join(dir, "page.html");
    fs.writeFileSync(page, html);
    return spawnSync(process.execPath, [gate, "--pages", page], { encoding: "utf8", cwd: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("a valid page passes the gate", () => {
  const run = checkPage(VALID);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /0 errors in 1 page/);
});

test("each planted violation fails the gate, at its line", () => {
  const planted = [
    // An id given twice.
    [`<h1 id="a">A page</h1><p id="a">Twice</p>`, /Duplicate ID/i],
    // What the one-pass minifier wrote: `=` in an unquoted value, attributes run together.
    [`<p><a href=/en/?a=b>Home</a></p>`, /unquoted attribute value/i],
    [`<p><a href="/en/"class="x">Home</a></p>`, /No space between attributes/i],
  ];
  for (const [body, expected] of planted) {
    const html = VALID.replace(/<main>.*<\/main>/, `<main>\n${body}\n</main>`);
    const run = checkPage(html);
    assert.equal(run.status, 1, `the gate must fail on ${body}:\n${run.stdout}${run.stderr}`);
    assert.match(run.stdout, expected, run.stdout);
    assert.match(run.stdout, /^page\.html:4:\d+: /m, `the error is at its line: ${run.stdout}`);
  }
});
