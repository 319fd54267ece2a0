#!/usr/bin/env node
// The whole test suite, as CI runs it: typecheck, lint, unit, lab (real Kamailio + SIPp), build, browser
// end-to-end (Playwright + Debian's Chromium) and the Electron security scan. Ends with one line
// "N passed, N failed, N skipped" over all suites and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const results = [];
/** Each failed test's name and the start of its message, repeated at the end: CI may keep only the last lines. */
const failures = [];
const reportDir = 'test-results/reports';
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s, exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

function record(suite, passed, failed, skipped = 0) {
  results.push({ suite, passed, failed, skipped });
  console.log(`--- ${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

/** A step that is one check: passes or fails as a whole. */
function step(suite, command, args) {
  const ok = run(command, args);
  record(suite, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function vitest(project) {
  const file = `${reportDir}/${project}.json`;
  const ok = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (!existsSync(file)) {
    failures.push(`${project}: no report (the runner stopped before writing it; see its output above)`);
    return record(project, 0, 1);
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed to load has no failed tests but did fail: count it.
  for (const f of r.testResults) {
    const failedTests = f.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push(`${project}: ${f.name.replace(process.cwd() + '/', '')} > ${a.fullName}\n    ${(a.failureMessages[0] ?? '').slice(0, 600)}`);
    if (f.status === 'failed' && failedTests.length === 0) failures.push(`${project}: ${f.name.replace(process.cwd() + '/', '')} did not run\n    ${(f.message ?? '').slice(0, 600)}`);
  }
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
  record(project, r.numPassedTests, r.numFailedTests + brokenFiles + (ok || r.numFailedTests + brokenFiles ? 0 : 1), r.numPendingTests + r.numTodoTests);
}

function playwright() {
  const file = `${reportDir}/e2e.json`;
  const ok = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) {
    failures.push('e2e: no report (Playwright stopped before writing it; see its output above)');
    return record('e2e', 0, 1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const s = report.stats;
  collectPlaywrightFailures(report.suites ?? []);
  if (!ok && existsSync('test-results')) printErrorContexts('test-results');
  const failed = s.unexpected + s.flaky + (ok || s.unexpected ? 0 : 1);
  record('e2e', s.expected, failed, s.skipped);
}

function collectPlaywrightFailures(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const error = t.results?.find((x) => x.error)?.error?.message ?? '';
        failures.push(`e2e: ${spec.file}:${spec.line} > ${spec.title}${t.status === 'flaky' ? ' (passed on retry)' : ''}\n    ${error.slice(0, 600)}`);
      }
    }
    collectPlaywrightFailures(suite.suites ?? []);
  }
}

/** A failed browser test's page as Playwright saw it (its accessibility snapshot): CI keeps no other trace of it. */
function printErrorContexts(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) printErrorContexts(path);
    else if (entry.name === 'error-context.md') console.log(`\n--- ${path}\n${readFileSync(path, 'utf8').slice(0, 3000)}`);
  }
}

function securityScan() {
  const r = spawnSync('node', ['scripts/security-scan.mjs'], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const { passed, failed } = JSON.parse(last);
    record('security', passed, failed + (r.status === 0 || failed ? 0 : 1));
  } catch {
    record('security', 0, 1);
  }
}

step('typecheck: shared', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']);
step('typecheck: main + tests', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('typecheck: renderer', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.renderer.json']);
step('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
vitest('unit');
// The lab starts real team-server processes: built first.
step('build: team server', 'npx', ['vite', 'build', '-c', 'vite.server.config.ts']);
vitest('lab');
if (step('build', 'npx', ['electron-vite', 'build'])) {
  playwright();
  securityScan();
} else {
  record('e2e and security scan (need the build)', 0, 1);
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f.replace(/\x1b\[[0-9;]*m/g, '')}`).join('\n')}`);
console.log('\nSuites:');
for (const r of results) console.log(`  ${r.suite.padEnd(40)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
