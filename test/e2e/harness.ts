// Browser journeys run against a real server in this process (embedded PGlite in a temp dir, demo data) and a
// headless Debian Chromium driven by playwright-core. The web app must be built; we build it when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { loadDemo } from '../../src/server/demo/demo';
import { openRuntime, startServer } from '../../src/server/runtime';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(root, 'test-results');
export const DEMO_PASSWORD = 'valuegraph-demo';
export const demoEmail = (role: string) => `${role}@demo.valuegraph.dev`;

export function ensureWebBuilt() {
  if (existsSync(join(root, 'dist/web/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

export interface TestServer { url: string; close(): Promise<void> }

export async function startTestServer(): Promise<TestServer> {
  ensureWebBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'vg-e2e-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', VALUEGRAPH_DATA_DIR: dataDir, PORT: '0', VALUEGRAPH_DEMO: '1', DATABASE_URL: undefined });
  const deps = await openRuntime(config);
  try {
    await loadDemo(deps.database);
    const running = await startServer(deps);
    return {
      url: running.url,
      close: async () => { await running.close(); await rm(dataDir, { recursive: true, force: true }); },
    };
  } catch (e) {
    await deps.jobs.stop().catch(() => {});
    await deps.database.close().catch(() => {});
    throw e;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh context (own cookies) with a desktop viewport; console errors and failed requests are collected. */
export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 960 }, locale: 'en-US', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return { context, page, problems };
}

export async function signIn(page: Page, role: string) {
  await page.goto('/login');
  await page.getByLabel(/^Email/).fill(demoEmail(role));
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** A viewport screenshot (the shell's header and navigation are fixed, so full-page captures look stitched). */
export async function screenshot(page: Page, name: string) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
}

/** One server (PGlite + demo) and one browser per test file; call once at the top level of the file. */
export function journeySetup(): { readonly server: TestServer; readonly browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => { env.server = await startTestServer(); env.browser = await launchBrowser(); });
  afterAll(async () => { await env.browser?.close(); await env.server?.close(); });
  return env;
}

/** Page errors other than the 401 of the signed-out session probe and the statuses a journey provokes on purpose. */
export const realProblems = (problems: string[], expected: number[] = []) =>
  problems.filter((p) => ![401, ...expected].some((status) => p.includes(`status of ${status}`)));

/** A JSON GET with the page's session cookie; fails the test on a non-2xx answer. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}
