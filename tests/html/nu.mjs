// The Nu HTML Checker gate: every page of the shipped site and of every fixture site passes
// the Nu HTML Checker (vnu.jar from the npm package vnu-jar, run by the system's Java) with
// no error.
//
//   node tests/html/nu.mjs target/debug/testimony     build the sites, check every .html file
//   node tests/html/nu.mjs --pages FILE_OR_DIR...     check these pages only (no build)
//
// Prints each error as `file:line:col: message` (the file as the build wrote it, under the
// site's name: `shipped/en/about/index.html`) and exits 1 when there is any; exits 2 when
// something it needs is missing (java, vnu.jar, the binary) or a build fails. It never skips:
// a missing checker is a failure, not a pass.
//
// Needs: java (Debian's default-jre-headless) and tests/browser/node_modules/vnu-jar
// (npm ci --prefix tests/browser).

import { spawnSync } from "node:child_process";
import zlib from "node:zlib";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const vnuJar = path.join(root, "tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");

function fail(message) {
  console.error(`tests/html/nu.mjs: error: ${message}`);
  process.exit(2);
}

/// Every .html file under `dir`, in name order (so the report reads the same each run).
function pagesUnder(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pagesUnder(full));
    else if (entry.isFile() && entry.name.endsWith(".html")) found.push(full);
  }
  return found.sort();
}

/// Runs vnu on `files`; returns its error messages (`file:line:col: message`), each file
/// named relative to `base`.
function check(files, base) {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) {
    fail("java not found (apt-get install -y --no-install-recommends default-jre-headless)");
  }
  if (!fs.existsSync(vnuJar)) {
    fail("tests/browser/node_modules/vnu-jar is missing (run: npm ci --prefix tests/browser)");
  }
  if (files.length === 0) fail("no page to check: the build wrote no .html file");
  const run = spawnSync(
    "java",
    ["-Xss4m", "-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always", ...files],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error || run.status !== 0) {
    fail(`the checker did not run: ${run.error ?? run.stderr}`);
  }
  let report;
  try {
    // With --format json, vnu writes its report on stderr.
    report = JSON.parse(run.stderr);
  } catch {
    fail(`the checker's report is not JSON: ${run.stderr.slice(0, 500)}`);
  }
  const errors = [];
  for (const m of report.messages) {
    // A page it could not read at all is a "non-document-error": a failure too.
    if (m.type !== "error" && m.type !== "non-document-error") continue;
    const file = m.url ? path.relative(base, fileURLToPath(m.url)) : "?";
    const line = m.lastLine ?? m.firstLine ?? 0;
    const column = m.firstColumn ?? m.lastColumn ?? 0;
    errors.push(`${file}:${line}:${column}: ${m.message}`);
  }
  return errors;
}

/// A plain PNG of 16 x 16 pixels of one colour, made here (no picture tool is needed).
function plainPng() {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16, 0);
  header.writeUInt32BE(16, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(16 * 3, 0x80)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array(16).fill(row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/// The pictures a fixture's own tests write before they build it (tests/images.rs makes
/// them with metadata to strip): plain stand-ins here, so that its pages are checked too.
const PICTURES = {
  images: {
    "content/stories/street/street.jpg": () =>
      fs.readFileSync(path.join(root, "content/stories/example-the-border-crossing/poster.jpg")),
    "content/about/plan.png": plainPng,
  },
};

/// Copies `from` into `to` (a fixture, its themes and locales).
function copy(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/// Builds the shipped site and every fixture under tests/fixtures/ that is a site (has a
/// site.yaml) into `work/<name>/`, and returns the folder of each.
function buildSites(bin, work) {
  const sites = [["shipped", root]];
  const fixtures = path.join(root, "tests/fixtures");
  for (const name of fs.readdirSync(fixtures).sort()) {
    const fixture = path.join(fixtures, name);
    if (!fs.existsSync(path.join(fixture, "site.yaml"))) continue;
    // As tests/common/mod.rs does: a fixture without its own templates or interface strings
    // uses the shipped ones.
    const site = path.join(work, "src", name);
    copy(fixture, site);
    for (const shared of ["themes", "locales"]) {
      if (!fs.existsSync(path.join(site, shared))) copy(path.join(root, shared), path.join(site, shared));
    }
    for (const [rel, make] of Object.entries(PICTURES[name] ?? {})) {
      fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
      fs.writeFileSync(path.join(site, rel), make());
    }
    sites.push([name, site]);
  }
  for (const [name, site] of sites) {
    const out = path.join(work, "out", name);
    const build = spawnSync(bin, ["--root", site, "build", "--out", out], { encoding: "utf8" });
    if (build.error || build.status !== 0) {
      fail(`the build of ${name} failed:\n${build.error ?? build.stderr}`);
    }
  }
  return path.join(work, "out");
}

const args = process.argv.slice(2);
let errors;
let checked;
if (args[0] === "--pages") {
  const targets = args.slice(1);
  if (targets.length === 0) fail("usage: node tests/html/nu.mjs --pages FILE_OR_DIR...");
  const files = targets.flatMap((t) => (fs.statSync(t).isDirectory() ? pagesUnder(t) : [path.resolve(t)]));
  checked = files.length;
  errors = check(files, process.cwd());
} else if (args.length === 1) {
  const bin = path.resolve(args[0]);
  if (!fs.existsSync(bin)) fail(`the testimony binary ${args[0]} does not exist (run 'cargo build' first)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "testimony-nu-"));
  // Removed however the script ends, a failure included (fail() exits at once).
  process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));
  const out = buildSites(bin, work);
  const files = pagesUnder(out);
  checked = files.length;
  errors = check(files, out);
} else {
  fail("usage: node tests/html/nu.mjs PATH/TO/testimony | --pages FILE_OR_DIR...");
}

for (const error of errors) console.log(error);
const pages = new Set(errors.map((e) => e.split(":")[0])).size;
if (errors.length > 0) {
  console.error(`Nu HTML Checker: ${errors.length} error(s) in ${pages} of ${checked} page(s)`);
  process.exit(1);
}
console.log(`Nu HTML Checker: 0 errors in ${checked} page(s)`);
