/**
 * The demo's reports as a person sees them (issue 6 item 6): the demo command writes its reports into
 * a temporary folder, then one headless Chromium (Debian's `chromium`, driven by playwright-core)
 * opens index.html and every HTML page the index links, in sequence. A page fails on any console
 * error, page error, failed request or request that leaves file:, on a missing table, on a missing
 * chart when the report has weeks, on a banding circle that carries colour only, and on a table
 * cut short when printed. A full-page
 * PNG of each page goes to test-output/screenshots/ (git-ignored) for a person to look at.
 *
 * Which browser: CHROMIUM_PATH, else /usr/bin/chromium. Without it the test fails with one message
 * saying how to install it (docs/reports-browser.md); `npm test` installs it first when it can.
 */
import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'screenshots');
const ISO_WEEK = /^\d{4}-\d{2}-\d{2}$/;

/** What went wrong while a page loaded, in words. */
const watch = (page: Page): string[] => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request outside file: ${r.url()}`);
  });
  return problems;
};

let dir = '';
let profileDir = '';
let context: BrowserContext | undefined;
let launchProblem: string | undefined;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'attendance-browser-'));
  const demo = await runCli(['demo', '--out', 'demo'], { cwd: root });
  if (demo.code !== 0) throw new Error(`attendance demo failed: ${demo.stderr}`);
  dir = join(root, 'demo', 'reports');
  try {
    await access(CHROMIUM);
  } catch {
    launchProblem =
      `No Chromium at ${CHROMIUM}. Install Debian's chromium (as root: apt-get update && apt-get install -y chromium), ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary. See docs/reports-browser.md.';
    return;
  }
  await rm(SCREENSHOTS, { recursive: true, force: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  // An empty profile each run: no state from earlier runs, nothing fetched at first run.
  profileDir = await mkdtemp(join(tmpdir(), 'attendance-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
    offline: true,
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (profileDir !== '') await rm(profileDir, { recursive: true, force: true });
});

/** Opens one file of the reports folder, screenshots it, and returns the page and its problems. */
const open = async (file: string): Promise<{ page: Page; problems: string[] }> => {
  if (context === undefined) throw new Error(launchProblem ?? 'the browser did not start');
  const page = await context.newPage();
  const problems = watch(page);
  const response = await page.goto(pathToFileURL(join(dir, file)).href, { waitUntil: 'load' });
  if (response !== null && !response.ok()) problems.push(`${file}: status ${response.status()}`);
  await page.screenshot({ path: join(SCREENSHOTS, file.replace(/\.html$/, '.png')), fullPage: true });
  return { page, problems };
};

/** A report's JSON twin beside its HTML page, for what the page must show. */
interface ReportJson {
  readonly id: string;
  readonly columns: readonly { readonly id: string }[];
  readonly rows: readonly { readonly cells: Readonly<Record<string, { readonly band: { readonly level: number } | null }>> }[];
}

describe('the demo reports in headless Chromium', () => {
  test('the index and every HTML report it links load cleanly and show their tables, charts and banding with text', async () => {
    const index = await open('index.html');
    expect(index.problems).toEqual([]);
    const hrefs = await index.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    await index.page.close();
    // Every link stays in the folder and names a file that exists; the HTML ones are the reports.
    for (const href of hrefs) {
      expect(href).toMatch(/^[A-Za-z0-9._-]+$/);
      await access(join(dir, href));
    }
    const pages = [...new Set(hrefs.filter((h) => h.endsWith('.html')))];
    expect(pages.length).toBeGreaterThanOrEqual(9);

    for (const file of pages) {
      const { page, problems } = await open(file);
      expect.soft(problems, file).toEqual([]);
      const json = JSON.parse(await readFile(join(dir, file.replace(/\.html$/, '.json')), 'utf8')) as ReportJson;
      // A table with a body row per report row; a report with no rows says so and says why (a note).
      expect.soft(await page.locator('table tbody tr').count(), `${file}: table rows`).toBe(json.rows.length);
      if (json.rows.length === 0) {
        expect.soft(await page.locator('[role="status"]').count(), `${file}: empty report's status`).toBe(1);
        expect.soft(await page.locator('.notes li').count(), `${file}: empty report's notes`).toBeGreaterThan(0);
      }
      // Reports over weeks have a chart with an accessible title and a legend.
      if (json.columns.filter((c) => ISO_WEEK.test(c.id)).length >= 2) {
        const chart = page.locator('svg[role="img"]');
        expect.soft(await chart.count(), `${file}: chart`).toBeGreaterThan(0);
        expect.soft((await chart.first().locator('title').textContent()) ?? '', `${file}: chart title`).not.toBe('');
        expect.soft(await page.locator('.legend').count(), `${file}: chart legend`).toBeGreaterThan(0);
        expect.soft(await chart.first().locator('path.line-local').count(), `${file}: chart line`).toBeGreaterThan(0);
      }
      // Every banded figure shows a circle with a sign and level, and says its band in words:
      // colour is never the only cue (FFT FAQ 2 shades; WCAG 1.4.1).
      const banded = json.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.band !== null && c.band.level > 0).length;
      const circles = await page.$$eval('table .band', (spans) =>
        spans.map((s) => ({ text: s.textContent ?? '', words: s.nextElementSibling?.textContent ?? '' })),
      );
      expect.soft(circles.length, `${file}: banding circles`).toBe(banded);
      for (const c of circles) {
        expect.soft(c.text, `${file}: circle sign`).toMatch(/^[+\u2212][123]$/);
        expect.soft(c.words, `${file}: circle words`).toMatch(/points (better|worse)/);
      }
      // Printed, the table is whole: no scroll box keeps rows out of sight or lets them run under the notes.
      await page.emulateMedia({ media: 'print' });
      const clipped = await page.$$eval('.wrap', (boxes) => boxes.filter((b) => b.scrollHeight > b.clientHeight + 1).length);
      expect.soft(clipped, `${file}: table clipped in print`).toBe(0);
      await page.close();
    }
  }, 120_000);

  test('the six banding shades differ and every one is keyed with its sign and words', async () => {
    const { page, problems } = await open('weekly-attendance.html');
    expect(problems).toEqual([]);
    const key = await page.$$eval('[aria-label="Band key"] li', (items) =>
      items.map((li) => {
        // The page's own getComputedStyle (this callback runs in the browser; tsconfig has no DOM lib).
        const view = globalThis as unknown as { getComputedStyle: (el: unknown) => { backgroundColor: string } };
        return { text: li.textContent ?? '', colour: view.getComputedStyle(li.querySelector('.band')).backgroundColor };
      }),
    );
    await page.close();
    expect(key.map((k) => k.text.trim().slice(0, 2))).toEqual(['+1', '+2', '+3', '\u22121', '\u22122', '\u22123']);
    for (const k of key) expect(k.text).toMatch(/points (better|worse)/);
    expect(new Set(key.map((k) => k.colour)).size).toBe(6);
  });
});
