// Browser test of Swagger UI, run by .ci/run after ./mvnw verify.
//
// Starts the built jar in demo mode (embedded Dataverse simulator) on a free 127.0.0.1 port, opens
// /swagger-ui.html in headless Chromium, expands "list accounts" (GET /api/v1/accounts), clicks "Try it out" and
// "Execute", and checks that the response shows the demo accounts the API itself lists. Keeps a screenshot in
// target/screenshots/swagger-ui.png. The service and the browser are stopped in every case.
//
//   node ci/swagger-ui.test.mjs            (CONNECTOR_JAR and CHROMIUM override the jar and the browser)

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(projectDir, 'target', 'swagger-ui-test');
const screenshot = join(projectDir, 'target', 'screenshots', 'swagger-ui.png');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const temporaryDirs = [];
let service;
let browser;

function log(message) {
  console.log(`[swagger-ui] ${message}`);
}

function builtJar() {
  if (process.env.CONNECTOR_JAR) {
    return process.env.CONNECTOR_JAR;
  }
  const target = join(projectDir, 'target');
  const jars = existsSync(target)
    ? readdirSync(target).filter((name) => /^dynamics365-connector-.*\.jar$/.test(name))
    : [];
  if (jars.length !== 1) {
    throw new Error(`expected one built jar in target/ but found ${JSON.stringify(jars)}: run ./mvnw package first`);
  }
  return join(target, jars[0]);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function temporaryDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

function serviceLogTail() {
  const file = join(workDir, 'service.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : '(no log)';
}

function startService(jar, port) {
  mkdirSync(workDir, { recursive: true });
  const env = { ...process.env, CONNECTOR_DATA_DIR: temporaryDir('connector-data-') };
  delete env.DYNAMICS_ENVIRONMENT_URL; // demo mode: the embedded simulator
  const child = spawn('java', ['-jar', jar, `--server.port=${port}`, '--server.address=127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = createWriteStream(join(workDir, 'service.log'));
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  return child;
}

function stopService() {
  if (!service || service.exitCode !== null || service.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((done) => {
    const killer = setTimeout(() => service.kill('SIGKILL'), 20_000);
    service.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    service.kill('SIGTERM');
  });
}

async function waitUntilReady(base) {
  const giveUp = Date.now() + 180_000;
  while (Date.now() < giveUp) {
    if (service.exitCode !== null) {
      throw new Error(`the service exited with ${service.exitCode} before it was ready:\n${serviceLogTail()}`);
    }
    try {
      const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`/readyz did not answer 200 within 3 minutes:\n${serviceLogTail()}`);
}

async function accountNames(base, query = '') {
  const response = await fetch(`${base}/api/v1/accounts${query}`, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET /api/v1/accounts${query} answered ${response.status}: ${await response.text()}`);
  }
  const { items } = await response.json();
  return (items ?? []).map((account) => account.displayName).filter(Boolean);
}

async function executeListAccountsInSwaggerUi(base) {
  browser = await chromium.launchPersistentContext(temporaryDir('chromium-profile-'), {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(30_000);

  await page.goto(`${base}/swagger-ui.html`);
  const operation = page
    .locator('.opblock.opblock-get')
    .filter({ has: page.locator('.opblock-summary-path[data-path="/api/v1/accounts"]') });
  await operation.waitFor();
  log(`operation: ${(await operation.locator('.opblock-summary').innerText()).replace(/\s+/g, ' ')}`);

  await operation.locator('.opblock-summary').first().click();
  const tryItOut = operation.locator('button.try-out__btn');
  if ((await tryItOut.innerText()).trim() === 'Try it out') {
    await tryItOut.click();
  }
  await operation.locator('button.execute').click();

  const liveResponse = operation.locator('.live-responses-table .response').first();
  await liveResponse.waitFor();
  const status = (await liveResponse.locator('.response-col_status').innerText()).trim();
  const body = await liveResponse.locator('.response-col_description pre').first().innerText();
  const requestUrl = (await operation.locator('.request-url pre').innerText()).trim();

  // The operation from its header down to the live response (the documented responses below are left out).
  await operation.scrollIntoViewIfNeeded();
  const top = await operation.boundingBox();
  const bottom = await liveResponse.boundingBox();
  const scrollY = await page.evaluate(() => window.scrollY);
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({
    path: screenshot,
    fullPage: true,
    clip: { x: top.x, y: top.y + scrollY, width: top.width, height: bottom.y + bottom.height - top.y + 8 },
  });
  log(`screenshot: ${screenshot}`);
  return { status, body, requestUrl };
}

async function main() {
  const jar = builtJar();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`starting ${jar} on ${base} (demo mode)`);
  service = startService(jar, port);
  await waitUntilReady(base);

  const demoNames = await accountNames(base);
  if (demoNames.length === 0) {
    throw new Error('GET /api/v1/accounts lists no demo accounts');
  }
  log(`the API lists ${demoNames.length} demo accounts, e.g. ${demoNames.slice(0, 3).join(', ')}`);

  const { status, body, requestUrl } = await executeListAccountsInSwaggerUi(base);
  log(`Swagger UI called ${requestUrl}`);
  if (status !== '200') {
    throw new Error(`Swagger UI's call ${requestUrl} answered ${status}:\n${body.slice(0, 2000)}`);
  }
  // Swagger UI pre-fills parameters with the document's examples; a person clicking Execute must still see accounts.
  const query = new URL(requestUrl).search;
  const names = query ? await accountNames(base, query) : demoNames;
  if (names.length === 0) {
    throw new Error(`Swagger UI called ${requestUrl}: the parameters it pre-filled from the OpenAPI document's `
      + `examples (${query}) match no demo account, so a person trying the API sees an empty list. `
      + 'Give those parameters examples that match the demo organisation (or none).');
  }
  const missing = names.filter((name) => !body.includes(name));
  if (missing.length > 0) {
    throw new Error(`Swagger UI's call ${requestUrl} lacks ${missing.length} of the ${names.length} accounts `
      + `the API lists for it (e.g. ${missing.slice(0, 3).join(', ')}); it answered:\n${body.slice(0, 2000)}`);
  }
  log(`Swagger UI executed GET /api/v1/accounts: 200 with all ${names.length} demo accounts`);
}

async function cleanUp() {
  await browser?.close().catch(() => {});
  await stopService();
  for (const dir of temporaryDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}
process.on('exit', () => service?.kill('SIGKILL'));

try {
  await main();
  await cleanUp();
} catch (error) {
  console.error(`[swagger-ui] FAILED: ${error.stack ?? error}`);
  await cleanUp();
  process.exit(1);
}
