#!/usr/bin/env bash
# Runs every Syncscope test. As root on Debian it first installs what the tests need
# (chromium, linuxptp, openssh-server, socat, iproute2, ethtool, prometheus); otherwise it runs what
# it can and says plainly what it skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export SYNCSCOPE_TEST_OUTPUT="${SYNCSCOPE_TEST_OUTPUT:-$PWD/test-output}"
t0=$(date +%s)
say() { printf '\n== %s  (at %s s)\n' "$*" "$(( $(date +%s) - t0 ))"; }

say "system packages"
# command → Debian package
declare -A pkg_of=([chromium]=chromium [ptp4l]=linuxptp [pmc]=linuxptp [sshd]=openssh-server [socat]=socat
  [ip]=iproute2 [tc]=iproute2 [ethtool]=ethtool [prometheus]=prometheus [promtool]=prometheus [ssh]=openssh-client [ssh-keygen]=openssh-client)
missing=()
for cmd in "${!pkg_of[@]}"; do
  PATH="$PATH:/usr/sbin:/sbin" command -v "$cmd" >/dev/null 2>&1 || missing+=("${pkg_of[$cmd]}")
done
# A CJK font, so the Simplified Chinese screenshots show characters rather than boxes.
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "WARNING: apt-get could not install ${missing[*]}; the tests that need them will be skipped."
  else
    echo "SKIPPING what needs: ${missing[*]} (not root, or no apt-get: install them to run the lab and browser tests)."
  fi
else
  echo "all present"
fi

say "node modules"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || exit 1
else
  echo "up to date"
fi

status=0
run() { say "$*"; "$@" || status=1; }
run npm run --silent lint
run npm run --silent typecheck
run npm run --silent build
[ "$(id -u)" = 0 ] || echo "NOTE: not root: the lab and browser suites will report themselves skipped (they need network namespaces)."
lab_was_up=0
if [ "$(id -u)" = 0 ] && bash test/lab/lab.sh status >/dev/null 2>&1; then lab_was_up=1; fi
mkdir -p "$SYNCSCOPE_TEST_OUTPUT"
# One suite after another: the lab and browser suites share the lab's devices (ss-x1 is taken apart
# and repaired by some tests), so they must never run at the same time.
rm -f "$SYNCSCOPE_TEST_OUTPUT"/vitest*.json
for project in unit lab browser; do
  run npx vitest run --project "$project" --reporter=default --reporter=json --outputFile.json="$SYNCSCOPE_TEST_OUTPUT/vitest-$project.json"
done
# Leave the machine as we found it: a lab this run built is taken down again.
if [ "$(id -u)" = 0 ] && [ $lab_was_up = 0 ]; then bash test/lab/lab.sh down >/dev/null 2>&1 || true; fi
say "done in $(( $(date +%s) - t0 )) s"
node -e '
  const fs = require("fs");
  const t = { passed: 0, failed: 0, skipped: 0, missing: [], names: [] };
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { t.missing.push(f); continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    t.passed += r.numPassedTests; t.failed += r.numFailedTests; t.skipped += r.numPendingTests + r.numTodoTests;
    // Name each failure here, at the end, where a log cut to its last lines still shows it.
    for (const file of r.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of failedTests) t.names.push(`${file.name.replace(process.cwd() + "/", "")} > ${a.fullName}: ${String(a.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300)}`);
      if (file.status === "failed" && failedTests.length === 0) t.names.push(`${file.name.replace(process.cwd() + "/", "")}: ${String(file.message ?? "failed outside a test").split("\n")[0].slice(0, 300)}`);
    }
  }
  for (const n of t.names) console.log(`FAILED: ${n}`);
  if (t.missing.length) console.log(`no result from: ${t.missing.join(", ")} (vitest did not finish)`);
  console.log(`tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
' "$SYNCSCOPE_TEST_OUTPUT"/vitest-unit.json "$SYNCSCOPE_TEST_OUTPUT"/vitest-lab.json "$SYNCSCOPE_TEST_OUTPUT"/vitest-browser.json
[ $status = 0 ] || echo "FAILED: see the sections above."
exit $status
