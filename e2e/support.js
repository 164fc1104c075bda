// Shared by the browser tests: headless Chromium (Debian's /usr/bin/chromium through playwright-core, no
// downloaded browser), preferred language zh-CN, one fresh context (cookies, storage) per user; screenshots.
//
// Environment: BASE_URL (default http://localhost:8080), E2E_OUT (screenshots, default ../target/e2e),
// CHROMIUM (default /usr/bin/chromium), E2E_HEADED=1 for a visible browser (with a display).
'use strict';

const assert = require('node:assert/strict');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const OUT = path.resolve(process.env.E2E_OUT || path.join(__dirname, '..', 'target', 'e2e'));
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 30000;
const PASSWORD = process.env.TOLERANCE_DEMO_PASSWORD || 'demo';

function step(title) {
  console.log(`- ${title}`);
}

/** Numbered full-page screenshots in OUT, named after the scenario. */
function screenshots(scenario) {
  let shot = 0;
  return async (page, name) => {
    shot++;
    const file = path.join(OUT, `${scenario}-${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  screenshot ${path.relative(process.cwd(), file)}`);
  };
}

// chromium.launch gives the browser a fresh profile (--user-data-dir in a new temporary folder) and removes it on close
function launch() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: !process.env.E2E_HEADED,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--lang=zh-CN'
    ]
  });
}

async function login(browser, app, user) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', err => console.log(`  [${user}] page error: ${err.message}`));
  await page.goto(`${BASE}/camunda/app/${app}/`);
  const name = page.locator('input[type=text]');
  const password = page.locator('input[type=password]');
  // the login form may re-render while it is being filled in: fill until both fields hold what was typed
  for (let attempt = 0; attempt < 5; attempt++) {
    await name.fill(user);
    await password.fill(PASSWORD);
    if (await name.inputValue() === user && await password.inputValue() === PASSWORD) break;
    await page.waitForTimeout(300);
  }
  await page.locator('button[type=submit]').click();
  return { context, page };
}

async function loginTasklist(browser, user) {
  const session = await login(browser, 'tasklist', user);
  await session.page.getByText('我的待办').first().waitFor();
  return session;
}

// Cockpit's and Tasklist's widgets say 正在加载… until their data is there.
async function waitUntilLoaded(page) {
  await page.waitForFunction(() => !document.body.innerText.includes('正在加载'), null, { timeout: TIMEOUT });
}

/** A request as an integrator makes it (HTTP Basic); the status and the JSON answer. */
async function call(user, method, pathAndQuery, body) {
  const res = await fetch(`${BASE}${pathAndQuery}`, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = text;
  }
  return { status: res.status, json };
}

/** GET as admin, expecting 200. */
async function adminGet(pathAndQuery) {
  const res = await call('admin', 'GET', pathAndQuery);
  assert.equal(res.status, 200, `GET ${pathAndQuery}: HTTP ${res.status}`);
  return res.json;
}

/** Waits until the condition holds (jobs run in the background). */
async function eventually(what, condition, seconds = 30) {
  const end = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // in Wuzhou
const daysAgo = days => new Date(Date.now() + 8 * 3600 * 1000 - days * 86400 * 1000).toISOString().slice(0, 10);

// Camunda's variable format
function variables(values) {
  return { variables: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }])) };
}

async function taskOf(user, caseId, taskKey) {
  const query = `/engine-rest/task?processInstanceId=${caseId}&taskDefinitionKey=${taskKey}`;
  let tasks = [];
  await eventually(`${taskKey} reaches ${user}`, async () => (tasks = (await call(user, 'GET', query)).json).length > 0);
  return tasks[0].id;
}

// claims and completes a task over REST, as Tasklist does
async function work(user, caseId, taskKey, values) {
  const taskId = await taskOf(user, caseId, taskKey);
  assert.equal((await call(user, 'POST', `/engine-rest/task/${taskId}/claim`, { userId: user })).status, 204);
  const done = await call(user, 'POST', `/engine-rest/task/${taskId}/complete`, variables(values));
  assert.equal(done.status, 204, `${user} completes ${taskKey}: ${JSON.stringify(done.json)}`);
}

/** The unit signs for the 认定意见书 and records the official's signature (送达), over REST. */
async function serveDecision(caseId) {
  await work('commerce-clerk', caseId, 'signForDecision', { decisionReceived: true });
  await work('commerce-clerk', caseId, 'recordOfficialSignature', { officialSignature: 'SIGNED', officialSignedOn: today() });
}

/** A case of commerce-clerk worked over REST up to the party committee's approval of 容错免责: its id. */
async function approvedCase(officialName, officialId) {
  const started = await call('commerce-clerk', 'POST', '/engine-rest/process-definition/key/toleranceCase/start',
    variables({
      officialName, officialId, officialPosition: '外资科科长', officialCategory: 'PARTY_GOV_ORGAN',
      workCategory: 'BUSINESS_ENVIRONMENT', errorType: 'DEVIATION',
      errorDescription: '外资项目审批时限论证不足，导致签约延期。', discoveredOn: daysAgo(2), reportedOn: today()
    }));
  assert.equal(started.status, 200, `commerce-clerk reports a case: ${JSON.stringify(started.json)}`);
  const caseId = started.json.id;
  await work('party-secretary', caseId, 'acknowledgeBySuperiorCommittee',
    { superiorAcknowledged: true, superiorInstruction: '立即整改' });
  await work('jiwei', caseId, 'acknowledgeByDisciplineInspection', { disciplineAcknowledged: true });
  await work('commerce-clerk', caseId, 'submitCorrectionPlan', { correctionPlan: '优化审批流程' });
  await work('commerce-clerk', caseId, 'reportCorrectionCompleted',
    { correctionCompletedOn: today(), correctionReport: '已完成整改' });
  await work('jiwei', caseId, 'verifyCorrection', { correctionVerified: 'true' });
  await work('wenze', caseId, 'reviewCase', {
    actedInPublicInterest: 'true', followedDecisionProcedure: 'true', violatedDisciplineOrLaw: 'false',
    subjectiveIntent: 'false', personalGain: 'false', complexCircumstances: 'false', wideImpact: 'false',
    highPublicAttention: 'false', reviewOpinion: '决策程序完备，已及时整改。'
  });
  await work('wenze', caseId, 'proposeDetermination', {});
  await work('party-secretary', caseId, 'approveDetermination', { approved: 'true' });
  return caseId;
}

/** A case of commerce-clerk worked through to 容错免责 over REST, every notice taken note of: its id and decision number. */
async function toleratedCase(officialName, officialId) {
  const caseId = await approvedCase(officialName, officialId);
  await work('zuzhi', caseId, 'confirmOfficialRoles', {});
  for (const user of ['zuzhi', 'renshe', 'jiwei']) {
    await work(user, caseId, 'acknowledgeProtection', { protectionAcknowledged: true });
  }
  await serveDecision(caseId);
  await eventually('the case is finished', async () =>
    (await call('commerce-clerk', 'GET', `/engine-rest/history/process-instance/${caseId}`)).json.state === 'COMPLETED');
  let decisionNo = null;
  await eventually('the decision is recorded', async () => {
    const found = await call('zuzhi', 'GET', `/api/decisions?processInstanceId=${caseId}`);
    decisionNo = found.json.items.length ? found.json.items[0].decisionNo : null;
    return decisionNo !== null;
  });
  return { caseId, decisionNo };
}

/** Runs a scenario: a screenshot FAILED of the page in use when it fails, the browser closed in any case. */
async function run(scenario, body) {
  const browser = await launch();
  const state = { current: null };
  try {
    await body(browser, state);
    console.log(`e2e ${scenario}: 1 passed, 0 failed (screenshots in ${OUT})`);
  } catch (err) {
    if (state.current) {
      await screenshots(scenario)(state.current.page, 'FAILED').catch(() => {});
    }
    console.error(err);
    console.log(`e2e ${scenario}: 0 passed, 1 failed`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

module.exports = {
  BASE, OUT, PASSWORD, TIMEOUT, step, screenshots, login, loginTasklist, waitUntilLoaded, call, adminGet, eventually, approvedCase, toleratedCase, serveDecision, run
};
