#!/usr/bin/env node
// Browser test of 送达: a case is decided 容错免责 (REST); commerce-clerk finds 签收认定意见书 in Tasklist, the form
// shows the decision's number, opens the 认定意见书 as PDF from the 材料 tab, signs for it, then records the official's
// signature in 当事人签收; the case file (案卷) shows both steps of the 送达 and lists the PDF as 系统制发.
//
// Environment: see support.js.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const { BASE, OUT, step, screenshots, loginTasklist, call, eventually, approvedCase, run } = require('./support');

const screenshot = screenshots('service');
const stamp = new Date().toISOString().replace(/[-:T.Z]/g, '').slice(8, 14);

// the card of this official's task of that name in the filter's list (the decision is recorded by a job)
async function openTask(page, filterName, taskName, officialName) {
  const filter = page.locator(`.task-filter:has-text("${filterName}")`).first();
  const item = page.locator(`.tasks-list li:has-text("${taskName}"):has-text("${officialName}")`).first();
  for (let attempt = 0; attempt < 20 && !(await item.isVisible()); attempt++) {
    await filter.click();
    await page.waitForTimeout(1000);
  }
  await item.click();
  await page.locator('[ng-click="claim()"]').first().click();
  await page.locator('.fjs-container').first().waitFor();
}

async function complete(page) {
  const close = page.locator('.page-notifications .close:visible');
  for (let i = await close.count(); i > 0; i--) {
    await close.first().click().catch(() => {});
  }
  await page.locator('button[ng-click="complete()"]').click();
  await page.locator('.fjs-container').waitFor({ state: 'detached' });
}

fs.mkdirSync(OUT, { recursive: true });
run('service', async (browser, state) => {
  const official = `覃${stamp}`;
  step(`a case of ${official} decided 容错免责 (REST)`);
  const caseId = await approvedCase(official, `WZ-E2E-S-${stamp}`);
  let decisionNo = null;
  await eventually('the decision is recorded', async () => {
    const found = await call('commerce-clerk', 'GET', `/api/decisions?processInstanceId=${caseId}`);
    decisionNo = found.json.items && found.json.items.length ? found.json.items[0].decisionNo : null;
    return decisionNo !== null;
  });

  step('commerce-clerk claims 签收认定意见书: the form names the decision; the 材料 tab opens the PDF');
  state.current = await loginTasklist(browser, 'commerce-clerk');
  const page = state.current.page;
  await openTask(page, '本机构待办', '签收认定意见书', official);
  assert.equal(await page.locator('[id$="Field_decisionNo"]').inputValue(), decisionNo, 'the form names another decision');
  await page.locator('.nav-tabs a:text-is("材料")').click();
  const pdfLink = page.locator('.case-documents a.open-pdf').first();
  await pdfLink.waitFor();
  const pdf = await page.request.get(new URL(await pdfLink.getAttribute('href'), page.url()).toString());
  assert.equal(pdf.status(), 200, 'the 认定意见书 does not open');
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'the 认定意见书 is not a PDF');
  await screenshot(page, 'clerk-documents');
  await page.locator('.nav-tabs a:text-is("表单")').click();
  await page.locator('[id$="Field_decisionReceived"]').check();
  await screenshot(page, 'clerk-signs');
  await complete(page);

  step('commerce-clerk records the official\'s signature in 当事人签收');
  await openTask(page, '本机构待办', '当事人签收', official);
  await page.locator('.fjs-form-field:has([id$="Field_officialSignature"]) .fjs-input-group').click();
  await page.locator('.fjs-dropdownlist-item:text-is("当事人已签收")').click();
  const date = page.locator('[id$="Field_officialSignedOn-date"]');
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  await date.fill([now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()]
    .map((part, i) => i === 0 ? String(part) : String(part).padStart(2, '0')).join('/'));
  await date.press('Enter');
  await page.locator('.fjs-container .fjs-form-field-text').first().click(); // closes the date picker
  assert.equal(await page.locator('.fjs-form-field-error').count(), 0, 'the signature form shows validation messages');
  await complete(page);

  step('the case file shows the 送达 and the PDF as 系统制发');
  await page.goto(`${BASE}/registry/case.html?q=${caseId}`);
  const service = page.locator('table.service');
  await service.waitFor();
  const text = await service.innerText();
  assert.match(text, /单位签收认定意见书/, 'the case file does not show the unit\'s receipt');
  assert.match(text, /当事人签收[\s\S]*当事人已签收/, 'the case file does not show the official\'s signature');
  assert.match(await page.locator('table.documents').innerText(), /系统制发/, 'the 认定意见书 is not listed as issued');
  await screenshot(page, 'case-file-service');
});
