// Reads Lighthouse's JSON reports, prints the four category scores of each page and, for the
// gated categories (accessibility, best practices, SEO: 100 each), the audits that lost points.
// Performance is printed only (shared CI machines are too noisy for a hard limit; the goal is
// at least 95). Every request Lighthouse's browser made must have stayed on ORIGIN.
//
//   node report.mjs ORIGIN REPORT.json...                    exit 1 if a page misses a gate
//   node report.mjs --planted IDS ORIGIN REPORT.json...       exit 1 unless every page misses
//                                                            a gate, by (at least) the audits
//                                                            IDS (comma-separated)
//
// Called by run.sh; a report that is missing, unreadable or from a run that failed to load the
// page is an error, never a pass.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const GATED = ['accessibility', 'best-practices', 'seo'];
const CATEGORIES = ['performance', ...GATED];
const PERFORMANCE_GOAL = 95;

function fail(message) {
  console.error(`tests/lighthouse/report.mjs: error: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let planted = null;
if (args[0] === '--planted') {
  planted = (args[1] || '').split(',').filter(Boolean);
  if (planted.length === 0) fail('--planted needs the audit ids the planted page must fail');
  args.splice(0, 2);
}
const [origin, ...files] = args;
if (!origin || files.length === 0) fail('usage: node report.mjs [--planted IDS] ORIGIN REPORT.json...');

/**
 * One report's scores (0-100, or null when Lighthouse could not score), the weighted audits of
 * the gated categories that scored below 1, and the requests that left `origin`.
 */
function summarise(report, origin) {
  const scores = {};
  for (const id of CATEGORIES) {
    const score = report.categories?.[id]?.score;
    scores[id] = typeof score === 'number' ? Math.round(score * 100) : null;
  }
  const failed = [];
  for (const id of GATED) {
    for (const ref of report.categories?.[id]?.auditRefs || []) {
      const audit = report.audits?.[ref.id];
      if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1) {
        failed.push({ category: id, id: ref.id, title: audit.title, score: audit.score });
      }
    }
  }
  const requests = report.audits?.['network-requests']?.details?.items || [];
  const elsewhere = requests
    .map((r) => r.url)
    .filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')));
  return { scores, failed, requests: requests.length, elsewhere, error: report.runtimeError?.message };
}

let missed = 0;
let problems = 0;
console.log(`Lighthouse (mobile): ${CATEGORIES.join(', ')}; ${GATED.join(', ')} must be 100`);
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`cannot read the report ${file}: ${e.message}`);
  }
  const name = basename(file).replace(/\.report\.json$/, '');
  const s = summarise(report, origin);
  if (report.configSettings?.formFactor !== 'mobile') fail(`${file}: not a mobile run (${report.configSettings?.formFactor})`);
  const figures = CATEGORIES.map((id) => `${id} ${s.scores[id] ?? '-'}`).join(', ');
  console.log(`  ${name.padEnd(12)} ${report.finalDisplayedUrl || report.requestedUrl}: ${figures}`);
  if (s.error) {
    console.log(`    the page could not be audited: ${s.error}`);
    problems++;
  }
  if (s.requests === 0) {
    console.log('    the report lists no request (network-requests audit missing)');
    problems++;
  }
  for (const u of s.elsewhere) {
    console.log(`    a request left ${origin}: ${u}`);
    problems++;
  }
  const below = GATED.filter((id) => s.scores[id] !== 100);
  for (const f of s.failed) console.log(`    ${f.category}: ${f.id} (score ${f.score}): ${f.title}`);
  if (s.scores.performance !== null && s.scores.performance < PERFORMANCE_GOAL) {
    console.log(`    performance ${s.scores.performance} is under the goal of ${PERFORMANCE_GOAL} (reported, not gated)`);
  }
  if (planted) {
    const ids = s.failed.map((f) => f.id);
    const missing = planted.filter((id) => !ids.includes(id));
    if (below.length === 0 || missing.length > 0) {
      console.log(`    the planted violation was not caught: ${missing.length ? `${missing.join(', ')} not reported` : 'every gate is at 100'}`);
      problems++;
    } else {
      console.log(`    planted violation caught (${planted.join(', ')}), as it must be`);
    }
  } else if (below.length > 0) {
    missed++;
  }
}
if (problems > 0 || missed > 0) {
  if (missed > 0) console.error(`Lighthouse: ${missed} of ${files.length} pages under 100 in ${GATED.join(', ')} (audit ids above)`);
  process.exit(1);
}
