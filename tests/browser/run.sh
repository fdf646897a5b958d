#!/usr/bin/env bash
# Browser tests of the built site, as it is hosted: builds the shipped site for the sub-path
# /testimony/, serves it with Debian's nginx on a free loopback port, and runs search.test.mjs
# (a query in English and one in Arabic land on the right story and moment), site.test.mjs
# (node:test + playwright-core driving Debian's chromium; no browser is downloaded),
# policy.test.mjs (with tests/fixtures/policy, which has a YouTube video, at /policy/),
# a11y.test.mjs (axe-core: no WCAG 2.2 A/AA violation on every page type in English and Arabic;
# Tab reaches the skip link first and the player with a visible focus), weight.test.mjs (each
# page type's HTML + CSS + JS brotli-compressed within its budget, 15 KB for a story; every
# <img> sized), nojs.test.mjs (JavaScript disabled: every page type in English and Arabic shows
# its content, hides nothing that only a script would show, and its links work; the search page
# says it needs JavaScript), each with a planted violation that must fail it, and
# crawl.test.mjs: every page loaded in Chromium, hosted and as a `build --relative` copy opened
# from file://, with every request recorded. Then
# serve.test.mjs runs `testimony serve` on a copy of tests/fixtures/basic (with the repository's
# themes/ and locales/) and checks live reload and the error overlay. Last, screenshots.test.mjs
# writes full-page PNGs of the story, theme and home pages, en and ar, at 390x844 and 1280x900,
# to $TESTIMONY_ARTIFACTS/screenshots/ (else target/artifacts/screenshots/), checks that the
# Arabic layout mirrors the English and that on a phone the story's player starts on the first
# screen, with a planted violation.
#
#   bash tests/browser/run.sh target/debug/testimony
#
# Needs: chromium, nginx (apt-get install -y --no-install-recommends chromium nginx), node, and
# tests/browser/node_modules (npm ci --prefix tests/browser). Anything missing is an error.
set -euo pipefail

fail() {
  echo "tests/browser/run.sh: error: $*" >&2
  exit 1
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

[ $# -eq 1 ] || fail "usage: bash tests/browser/run.sh PATH/TO/testimony"
bin="$1"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
[ -x "$bin" ] || fail "the testimony binary '$1' does not exist or is not executable (run 'cargo build' first)"
# Where screenshots.test.mjs writes (the tests run from tests/browser/: a relative folder is
# taken from where run.sh was started).
if [ -n "${TESTIMONY_ARTIFACTS:-}" ]; then
  case "$TESTIMONY_ARTIFACTS" in /*) ;; *) TESTIMONY_ARTIFACTS="$PWD/$TESTIMONY_ARTIFACTS" ;; esac
  export TESTIMONY_ARTIFACTS
fi

# ---- What the tests need: never skip, fail loudly --------------------------------------------
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || fail "chromium not found at $chromium (apt-get install -y --no-install-recommends chromium, or set CHROMIUM)"
# shellcheck source=tests/browser/nginx.sh
. "$here/nginx.sh"
nginx_find
command -v node >/dev/null || fail "node not found"
[ -f "$here/node_modules/playwright-core/package.json" ] ||
  fail "tests/browser/node_modules/playwright-core is missing (run: npm ci --prefix tests/browser)"
[ -f "$here/node_modules/axe-core/axe.min.js" ] ||
  fail "tests/browser/node_modules/axe-core is missing (run: npm ci --prefix tests/browser)"

# ---- A temporary folder for the site and nginx; cleaned up, nginx stopped, on exit ----------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/testimony-browser.XXXXXX")"
cleanup() {
  local status=$?
  nginx_stop "$status"
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port="$(free_port)"
[ -n "$port" ] || fail "could not find a free port"
origin="http://127.0.0.1:$port"
base="$origin/testimony/"

# ---- Build the shipped site for hosting under /testimony/ ------------------------------------
out="$tmp/public"
echo "building the site for $base"
"$bin" --root "$root" build --out "$out" --base-url "$base" 2>"$tmp/build.log" ||
  { cat "$tmp/build.log" >&2; fail "testimony build failed"; }
[ -f "$out/index.html" ] || fail "the build wrote no $out/index.html"

# The content policy fixture (a YouTube story: the shipped site allows no third party), at /policy/.
policy_site="$tmp/policy-site"
mkdir -p "$policy_site"
cp -R "$root/tests/fixtures/policy/." "$policy_site/"
for shared in themes locales; do
  [ -e "$policy_site/$shared" ] || cp -R "$root/$shared" "$policy_site/$shared"
done
policy_out="$tmp/policy-public"
"$bin" --root "$policy_site" build --out "$policy_out" --base-url "$origin/policy/" 2>"$tmp/policy-build.log" ||
  { cat "$tmp/policy-build.log" >&2; fail "testimony build of tests/fixtures/policy failed"; }

# ---- nginx: own prefix, pid, logs and temp paths; not the system service (nginx.sh) ------------
prefix="$tmp/nginx"
nginx_serve "$prefix" "$port" "/testimony/=$out" "/policy/=$policy_out"
echo "nginx (pid $nginx_pid) serves $out at $base"

# ---- The tests ---------------------------------------------------------------------------------
cd "$here"
# Search first: site.test.mjs ends by checking that nginx answered no request of the run with an
# error, the search's own requests (pagefind's index) included.
TESTIMONY_BASE_URL="$base" CHROMIUM="$chromium" node --test search.test.mjs
TESTIMONY_BASE_URL="$base" TESTIMONY_NGINX_ACCESS_LOG="$prefix/access.log" CHROMIUM="$chromium" node --test site.test.mjs
TESTIMONY_BASE_URL="$base" TESTIMONY_POLICY_BASE_URL="$origin/policy/" CHROMIUM="$chromium" node --test policy.test.mjs
# Accessibility (axe-core, WCAG 2.2 A/AA, en and ar, keyboard) and weight (brotli budget per
# page type, images sized); each also proves that a planted violation fails it.
TESTIMONY_BASE_URL="$base" CHROMIUM="$chromium" node --test a11y.test.mjs
TESTIMONY_BASE_URL="$base" TESTIMONY_PUBLIC_DIR="$out" CHROMIUM="$chromium" node --test weight.test.mjs
# Reading needs no JavaScript (every page type, en and ar, phone and desktop), with a planted
# violation.
TESTIMONY_BASE_URL="$base" CHROMIUM="$chromium" node --test nojs.test.mjs

# ---- A crawl of every page in Chromium: hosted under /testimony/, and a --relative copy ------
relative="$tmp/relative"
echo "building a relative copy into $relative"
"$bin" --root "$root" build --relative --out "$relative" 2>"$tmp/build-relative.log" ||
  { cat "$tmp/build-relative.log" >&2; fail "testimony build --relative failed"; }
TESTIMONY_BASE_URL="$base" TESTIMONY_RELATIVE_DIR="$relative" CHROMIUM="$chromium" node --test crawl.test.mjs

# ---- The live preview: serve on a copy of the basic fixture --------------------------------
serve_site="$tmp/serve-site"
mkdir -p "$serve_site"
cp -R "$root/tests/fixtures/basic/." "$serve_site/"
for shared in themes locales; do
  [ -e "$serve_site/$shared" ] || cp -R "$root/$shared" "$serve_site/$shared"
done
# serve's own temporary folder goes inside ours, so that it is removed with it.
TMPDIR="$tmp" TESTIMONY_BIN="$bin" TESTIMONY_SERVE_SITE="$serve_site" CHROMIUM="$chromium" node --test serve.test.mjs

# ---- Screenshots (artifacts) and the mirrored Arabic layout -----------------------------------
# Last, so that every other check has run when a layout check fails: the PNGs are the evidence.
TESTIMONY_BASE_URL="$base" CHROMIUM="$chromium" node --test screenshots.test.mjs
