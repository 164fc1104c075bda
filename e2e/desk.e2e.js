#!/usr/bin/env node
// Browser test of the agencies' desk: which case each task is, documents (材料) that travel with the case, no noise.
//
//   1. commerce-clerk and tengxian-clerk each report a case (REST); tengxian-jiwei's and jiwei's 本机构待办 name the
//      unit and the official on the card of their own case only, show no end-of-life banner and no "新建任务";
//   2. the acknowledgements are given (REST); commerce-clerk opens 提交整改方案 in Tasklist, attaches a PDF in the
//      材料 tab; the plan and the completion are reported (REST);
//   3. jiwei opens 核实整改情况, downloads the PDF from the 材料 tab: the same bytes;
//   4. tengxian-clerk, logged in to Tasklist, can neither list nor download it (404 through the same API);
//   5. admin sees "新建任务"; Cockpit shows 无, never "null", for the case's absent version tag.
//
// Environment: see support.js.
'use strict';

const assert = require('node:assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { BASE, OUT, step, screenshots, login, loginTasklist, waitUntilLoaded, call, eventually, run } = require('./support');

const screenshot = screenshots('desk');
const stamp = new Date().toISOString().replace(/[-:T.Z]/g, '').slice(8, 14);
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // in Wuzhou
const twoDaysAgo = new Date(Date.now() + 8 * 3600 * 1000 - 2 * 86400 * 1000).toISOString().slice(0, 10);

function report(officialName) {
  const values = {
    officialName, officialId: `WZ-E2E-${stamp}-${officialName.length}`, officialPosition: '项目科科长',
    officialCategory: 'PARTY_GOV_ORGAN', workCategory: 'RURAL_REVITALIZATION', errorType: 'DEVIATION',
    errorDescription: '产业帮扶项目选址论证不足，导致项目延期。', discoveredOn: twoDaysAgo, reportedOn: today
  };
  return { variables: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }])) };
}

async function startCase(clerk, officialName) {
  const started = await call(clerk, 'POST', '/engine-rest/process-definition/key/toleranceCase/start', report(officialName));
  assert.equal(started.status, 200, `${clerk} reports a case: ${JSON.stringify(started.json)}`);
  return started.json.id;
}

async function taskOf(user, caseId, taskKey) {
  const query = `/engine-rest/task?processInstanceId=${caseId}&taskDefinitionKey=${taskKey}`;
  await eventually(`${taskKey} reaches ${user}`, async () => (await call(user, 'GET', query)).json.length === 1);
  return (await call(user, 'GET', query)).json[0].id;
}

// claims and completes a task over REST, as Tasklist does
async function work(user, caseId, taskKey, values) {
  const taskId = await taskOf(user, caseId, taskKey);
  assert.equal((await call(user, 'POST', `/engine-rest/task/${taskId}/claim`, { userId: user })).status, 204);
  const variables = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
  const done = await call(user, 'POST', `/engine-rest/task/${taskId}/complete`, { variables });
  assert.equal(done.status, 204, `${user} completes ${taskKey}: ${JSON.stringify(done.json)}`);
}

async function showFilter(page, filterName) {
  await page.locator(`.task-filter:has-text("${filterName}")`).first().click();
  await page.waitForTimeout(500);
}

// the card of the filter's list for this official's task of that name (jobs may still be creating it)
async function card(page, filterName, taskName, officialName) {
  const item = page.locator(`.tasks-list li:has-text("${taskName}"):has-text("${officialName}")`).first();
  for (let attempt = 0; attempt < 20 && !(await item.isVisible()); attempt++) {
    await showFilter(page, filterName);
    await page.waitForTimeout(1000);
  }
  await item.waitFor();
  return item;
}

async function openDocumentsTab(page, item) {
  await item.click();
  await page.locator('.nav-tabs a:text-is("材料")').click();
  await page.locator('.case-documents').waitFor();
}

async function assertNoNoise(page, who, mayCreateTasks) {
  assert.equal(await page.locator('.ce-eol-banner').first().isVisible(), false, `${who} sees the end-of-life banner`);
  assert.ok(!(await page.locator('body').innerText()).includes('Camunda 8'), `${who} reads about Camunda 8`);
  await page.waitForTimeout(1000); // the permission check of create-task-permission.js
  assert.equal(await page.locator('li.create-task-action').first().isVisible(), mayCreateTasks,
    `${who} ${mayCreateTasks ? 'does not see' : 'sees'} 新建任务`);
}

fs.mkdirSync(OUT, { recursive: true });
run('desk', async (browser, state) => {
  const official = `蒋${stamp}`;
  const otherOfficial = `韦${stamp}`;
  step(`commerce-clerk reports a case of ${official}, tengxian-clerk one of ${otherOfficial}`);
  const caseId = await startCase('commerce-clerk', official);
  await startCase('tengxian-clerk', otherOfficial);

  // 1. jiwei's list ---------------------------------------------------------------------------------------
  step('jiwei: 本机构待办 names the unit and the official of the city\'s case; 藤县\'s goes to tengxian-jiwei');
  state.current = await loginTasklist(browser, 'tengxian-jiwei');
  let page = state.current.page;
  const tengxianCard = await card(page, '本机构待办', '纪委监委接收报告', otherOfficial);
  assert.match(await tengxianCard.innerText(), new RegExp(`事项[\\s\\S]*WZSX-\\d{4}-\\d{4} · 藤县农业农村局 · ${otherOfficial}`),
    'the card does not name the case, its unit and official');
  await state.current.context.close();
  state.current = await loginTasklist(browser, 'jiwei');
  page = state.current.page;
  const commerceCard = await card(page, '本机构待办', '纪委监委接收报告', official);
  assert.match(await commerceCard.innerText(), new RegExp(`事项[\\s\\S]*WZSX-\\d{4}-\\d{4} · 市商务局 · ${official}`),
    'the card does not name the case, its unit and official');
  const cut = await commerceCard.locator('.variable-value').evaluate(e => e.scrollWidth > e.clientWidth + 1
    || e.getBoundingClientRect().bottom > e.closest('.task-card-details').getBoundingClientRect().bottom);
  assert.ok(!cut, 'the card\'s 事项 line is cut off');
  assert.equal(await page.locator(`.tasks-list li:has-text("${otherOfficial}")`).count(), 0,
    'jiwei lists a task of a 藤县 case');
  for (const text of await page.locator('.tasks-list li:has-text("容错纠错事项")').allInnerTexts()) {
    assert.match(text, /事项[\s\S]*WZSX-\d{4}-\d{4} · \S+ · \S+/, 'a case task without number, unit or official:\n' + text);
  }
  await assertNoNoise(page, 'jiwei', false);
  await screenshot(page, 'jiwei-list-names-units');
  await state.current.context.close();

  // 2. the clerk attaches a PDF ---------------------------------------------------------------------------
  step('acknowledgements (REST); commerce-clerk attaches 整改方案 (PDF) in the 材料 tab of 提交整改方案');
  await work('party-secretary', caseId, 'acknowledgeBySuperiorCommittee', { superiorAcknowledged: true });
  await work('jiwei', caseId, 'acknowledgeByDisciplineInspection', { disciplineAcknowledged: true });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(48 * 1024), Buffer.from('\n%%EOF\n')]);
  const pdfFile = path.join(OUT, `整改方案-${stamp}.pdf`);
  fs.writeFileSync(pdfFile, pdf);
  state.current = await loginTasklist(browser, 'commerce-clerk');
  page = state.current.page;
  await assertNoNoise(page, 'commerce-clerk', false);
  await openDocumentsTab(page, await card(page, '本机构待办', '提交整改方案', official));
  assert.ok((await page.locator('.case-documents').innerText()).includes('本案件还没有材料'));
  await page.locator('.case-documents input[type=file]').setInputFiles(pdfFile);
  await page.locator('.case-documents input[name=title]').fill('整改方案');
  await page.locator('.case-documents button[type=submit]').click();
  const row = page.locator('.case-documents tbody tr:has-text("整改方案")');
  await row.waitFor();
  const rowText = await row.innerText();
  assert.ok(rowText.includes('PDF 文档') && rowText.includes('市商务局 经办人') && rowText.includes('提交整改方案'),
    'the row does not say what, who and in which step:\n' + rowText);
  await screenshot(page, 'clerk-attached-pdf');
  await state.current.context.close();
  await work('commerce-clerk', caseId, 'submitCorrectionPlan', { correctionPlan: '重新论证选址，调整建设时序' });
  await work('commerce-clerk', caseId, 'reportCorrectionCompleted',
    { correctionCompletedOn: today, correctionReport: '已完成选址调整，项目复工' });

  // 3. the reviewing agency downloads it ------------------------------------------------------------------
  step('jiwei downloads it from 核实整改情况: the same bytes');
  state.current = await loginTasklist(browser, 'jiwei');
  page = state.current.page;
  await openDocumentsTab(page, await card(page, '本机构待办', '核实整改情况', official));
  const link = page.locator('.case-documents a.download:text-is("整改方案")');
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), path.basename(pdfFile), 'the download has another name');
  const downloaded = fs.readFileSync(await download.path());
  assert.ok(downloaded.equals(pdf), `jiwei downloaded ${downloaded.length} other bytes than the ${pdf.length} attached`);
  await screenshot(page, 'jiwei-documents-tab');
  await state.current.context.close();

  // 4. another unit cannot see it ----------------------------------------------------------------------------
  step('tengxian-clerk, logged in to Tasklist, gets 404 for the case\'s documents and for the document');
  const documents = await call('commerce-clerk', 'GET', `/api/cases/${caseId}/documents`);
  assert.equal(documents.json.items.length, 1);
  const documentId = documents.json.items[0].id;
  state.current = await loginTasklist(browser, 'tengxian-clerk');
  page = state.current.page;
  const statuses = await page.evaluate(async ([caseInstance, document]) => [
    (await fetch(`/api/cases/${caseInstance}/documents`)).status,
    (await fetch(`/api/documents/${document}`)).status,
    (await fetch(`/api/cases/${caseInstance}/documents`, { method: 'POST', body: new FormData() })).status
  ], [caseId, documentId]);
  assert.deepEqual(statuses, [404, 404, 403], 'tengxian-clerk reached the case of another unit');
  assert.equal((await call('tengxian-clerk', 'GET', `/api/documents/${documentId}`)).status, 404);
  await showFilter(page, '本机构待办');
  assert.equal(await page.locator(`.tasks-list li:has-text("${official}")`).count(), 0,
    'tengxian-clerk lists a task of another unit\'s case');
  await state.current.context.close();

  // 5. admin: 新建任务, Cockpit without "null" ----------------------------------------------------------------
  step('admin sees 新建任务; Cockpit shows 无 for the absent version tag');
  state.current = await loginTasklist(browser, 'admin');
  page = state.current.page;
  await assertNoNoise(page, 'admin', true);
  await state.current.context.close();
  state.current = await login(browser, 'cockpit', 'admin');
  page = state.current.page;
  await page.locator('.dashboard').first().waitFor();
  const definition = (await call('admin', 'GET', '/engine-rest/process-definition/key/toleranceCase')).json;
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-definition/${definition.id}/runtime`);
  await page.locator('dd.version-tag').first().waitFor();
  await waitUntilLoaded(page);
  assert.equal((await page.locator('dd.version-tag').first().innerText()).trim(), '无');
  assert.ok(!/\bnull\b/.test(await page.locator('body').innerText()), 'Cockpit shows "null"');
  await assertNoNoise(page, 'admin in Cockpit', false);
  await screenshot(page, 'admin-cockpit-case-definition');
  await state.current.context.close();
  state.current = null;
});
