#!/usr/bin/env bash
# Proves that a change of code leaves the built site byte-for-byte as it was: builds the shipped
# site and the fixture sites named below with the binary of BASE_REV and with the binary of the
# working tree, from the SAME sources (the working tree's) and the same base_url, and compares
# the two outputs with `diff -r`, the `.testimony-output` marker included.
#
#   tests/same-output.sh BASE_REV [FIXTURE...]     (fixtures default to: basic)
#
# BASE_REV is exported with `git archive` into a temporary folder (no worktree is added, so the
# repository's list of worktrees is left alone) and built there with the same target folder,
# so the dependencies are compiled once. Exits 0 when every output is identical, 1 otherwise.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 BASE_REV [FIXTURE...]" >&2
    exit 2
fi
base_rev=$1
shift
fixtures=("$@")
if [ ${#fixtures[@]} -eq 0 ]; then
    fixtures=(basic)
fi

repo=$(git rev-parse --show-toplevel)
target=${CARGO_TARGET_DIR:-$repo/target}
# A full base_url with a sub-path, so that every address is built the long way round.
base_url=https://example.org/testimony/
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building $base_rev ..." >&2
mkdir -p "$work/base-src"
git -C "$repo" archive "$base_rev" | tar -x -C "$work/base-src"
(cd "$work/base-src" && CARGO_TARGET_DIR="$target" cargo build --quiet --bin testimony)
cp "$target/debug/testimony" "$work/testimony-base"

echo "building the working tree ..." >&2
(cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --quiet --bin testimony)
cp "$target/debug/testimony" "$work/testimony-new"

status=0
compare() {
    local name=$1 root=$2
    for which in base new; do
        "$work/testimony-$which" --root "$root" build --out "$work/out-$which/$name" \
            --base-url "$base_url" >"$work/$which-$name.log" 2>&1 || {
            echo "$name: the $which build failed:" >&2
            cat "$work/$which-$name.log" >&2
            status=1
            return
        }
    done
    if diff -r "$work/out-base/$name" "$work/out-new/$name"; then
        echo "$name: identical ($(find "$work/out-new/$name" -type f | wc -l) files)"
    else
        echo "$name: the outputs differ" >&2
        status=1
    fi
}

compare shipped "$repo"
for fixture in "${fixtures[@]}"; do
    # As tests/common/mod.rs does: a fixture without its own templates or interface strings
    # uses the shipped ones.
    site="$work/sites/$fixture"
    mkdir -p "$site"
    cp -R "$repo/tests/fixtures/$fixture/." "$site/"
    for shared in themes locales; do
        [ -e "$site/$shared" ] || cp -R "$repo/$shared" "$site/$shared"
    done
    compare "$fixture" "$site"
done
exit $status
