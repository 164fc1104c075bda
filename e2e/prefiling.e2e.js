#!/usr/bin/env node
// Browser test, as people use the system: headless Chromium (Debian's /usr/bin/chromium through playwright-core,
// no downloaded browser), preferred language zh-CN.
//
//   1. commerce-clerk files a pre-filing from Tasklist's start form (发起流程 → 事前备案); an empty submit first
//      shows form-js's validation messages in Chinese (scripts/form-js-zh.js), never "Field is required.";
//   2. jiwei opens the filter 本机构待办, claims 审核备案方案, sees the Camunda Form in Chinese, chooses 予以备案;
//   3. commerce-clerk completes 领取备案回执, whose form shows the number WZBA-<year>-<4 digits>;
//   4. admin sees in Cockpit the prefiling process and, over the REST API, the instance COMPLETED.
//
// Environment: see support.js.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const { BASE, OUT, step, screenshots, login, loginTasklist, waitUntilLoaded, adminGet, run } = require('./support');

const screenshot = screenshots('prefiling');
const planTitle = `营商环境“一件事”改革试点（e2e ${new Date().toISOString().replace(/[-:T.Z]/g, '').slice(0, 14)}）`;

async function formText(page) {
  return page.locator('.fjs-container').first().evaluate(el =>
    el.innerText + '\n' + Array.from(el.querySelectorAll('input, textarea')).map(i => i.value).join('\n'))
    .catch(() => '');
}

// Opens, in the filter, the task of that name whose form shows this run's plan (a database that is not new may
// hold tasks of earlier runs).
async function openTaskOfThisPlan(page, filterName, taskName) {
  const filter = page.locator(`.task-filter:has-text("${filterName}")`).first();
  const items = page.locator(`.tasks-list li:has-text("${taskName}")`);
  for (let attempt = 0; attempt < 20; attempt++) {
    await filter.click();
    await page.waitForTimeout(attempt ? 1500 : 500);
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      await items.nth(i).click();
      for (let t = 0; t < 20; t++) {
        if ((await formText(page)).includes(planTitle)) {
          return;
        }
        await page.waitForTimeout(250);
      }
    }
  }
  throw new Error(`no task ${taskName} for ${planTitle} in ${filterName}`);
}

// Tasklist's notices (e.g. "提交任务表单时出错" after an invalid submit) stay above the buttons until closed.
async function closeNotifications(page) {
  const close = page.locator('.page-notifications .close:visible');
  for (let i = await close.count(); i > 0; i--) {
    await close.first().click().catch(() => {});
  }
}

async function complete(page) {
  await closeNotifications(page);
  await page.locator('button[ng-click="complete()"]').click();
  await page.locator('.fjs-container').waitFor({ state: 'detached' });
}

async function selectOption(page, key, label) {
  await page.locator(`.fjs-form-field:has([id$="Field_${key}"]) .fjs-input-group`).click();
  await page.locator(`.fjs-dropdownlist-item:text-is("${label}")`).click();
  await page.locator(`.fjs-form-field:has([id$="Field_${key}"]) .fjs-select-display:text-is("${label}")`).waitFor();
}

fs.mkdirSync(OUT, { recursive: true });
run('prefiling', async (browser, state) => {
  // 1. commerce-clerk files the pre-filing ------------------------------------------------------------
  step('commerce-clerk logs in to Tasklist');
  state.current = await loginTasklist(browser, 'commerce-clerk');
  let page = state.current.page;
  await screenshot(page, 'clerk-tasklist');

  step('发起流程 → 事前备案');
  await page.locator('.start-process-action').first().click();
  await page.locator('.modal').getByText('事前备案', { exact: true }).first().click();
  await page.locator('[id$="Field_planTitle"]').waitFor();
  const start = page.locator('button[ng-click="startProcessInstance()"]');

  step('empty submit: form-js validation messages are in Chinese');
  await start.click();
  const errors = page.locator('.fjs-form-field-error');
  await errors.first().waitFor();
  await page.getByText('此项为必填项。').first().waitFor();
  const formText = await page.locator('.fjs-container').first().innerText();
  assert.ok(!/Field is required|Field must/.test(formText), 'an English form-js validation message is shown:\n' + formText);
  assert.ok(!/\bSelect\b/.test(formText), 'the English select placeholder "Select" is shown');
  assert.ok((await errors.count()) >= 7, `expected a message for each of the 7 required fields, got ${await errors.count()}`);
  await screenshot(page, 'clerk-start-form-empty-submit');

  step('fill the start form');
  await page.locator('[id$="Field_planTitle"]').fill(planTitle);
  await selectOption(page, 'workCategory', '招商引资');
  await page.locator('.fjs-form-field:has([id*="Field_innovationNature-"])').getByLabel('创新性', { exact: true }).check();
  await page.locator('[id$="Field_planSummary"]').fill('将企业开办、用电报装、不动产登记合并为“一件事”办理，压缩审批时限至 3 个工作日。');
  await page.locator('[id$="Field_riskAssessment"]').fill('涉及跨部门数据共享，可能因系统对接不完善导致个别事项办理延误；已制定人工兜底方案。');
  const date = page.locator('[id$="Field_plannedStart-date"]');
  await date.click();
  const calendar = page.locator('.flatpickr-calendar.open');
  await calendar.waitFor();
  const calendarText = await calendar.innerText();
  assert.ok(/[一二三四五六日]/.test(calendarText) && !/\b(Sun|Mon|Tue|Wed|Thu|Fri|Sat)\b/.test(calendarText),
    'the date picker shows English weekdays:\n' + calendarText);
  assert.ok(!/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/
    .test(await calendar.evaluate(el => el.innerText + [...el.querySelectorAll('option')].map(o => o.text).join(' '))),
  'the date picker shows English month names');
  await screenshot(page, 'clerk-date-picker');
  // 事前 means before: a plan starting in 30 days (one already under way is refused)
  const plannedStart = new Date(Date.now() + 30 * 86400000);
  await date.fill([plannedStart.getFullYear(), plannedStart.getMonth() + 1, plannedStart.getDate()]
    .map((part, i) => i === 0 ? String(part) : String(part).padStart(2, '0')).join('/'));
  await date.press('Enter');
  await page.locator('[id$="Field_planTitle"]').click();
  await selectOption(page, 'filingAuthority', '纪检监察机关（本级纪委监委）');
  assert.equal(await page.locator('.fjs-form-field-error').count(), 0, 'validation messages remain after filling the form');
  await screenshot(page, 'clerk-start-form-filled');

  step('submit the pre-filing');
  await start.click();
  await page.locator('.modal').waitFor({ state: 'detached' });
  await state.current.context.close();

  // 2. jiwei reviews it ---------------------------------------------------------------------------------
  step('jiwei logs in, opens 本机构待办, finds 审核备案方案');
  state.current = await loginTasklist(browser, 'jiwei');
  page = state.current.page;
  await openTaskOfThisPlan(page, '本机构待办', '审核备案方案');
  await screenshot(page, 'jiwei-task-selected');

  step('claim it; the Camunda Form is in Chinese');
  await page.locator('[ng-click="claim()"]').first().click();
  await page.locator('.fjs-container').first().waitFor();
  await page.locator('[id$="Field_planTitle"]').waitFor();
  for (const label of ['备案单位', '方案名称', '工作类别', '方案内容摘要', '审核结论']) {
    await page.locator('.fjs-form-field-label', { hasText: label }).first().waitFor();
  }
  assert.equal(await page.locator('[id$="Field_planTitle"]').inputValue(), planTitle, 'the review form shows another plan');

  step('予以备案 → complete');
  // 需补充的内容 is asked, and marked required, only while 退回补充 is chosen
  const decision = page.locator('.fjs-form-field:has([id*="Field_prefilingDecision-"])');
  await decision.getByLabel('退回补充', { exact: true }).check();
  await page.locator('.fjs-form-field-label', { hasText: '需补充的内容*' }).first().waitFor();
  await decision.getByLabel('予以备案', { exact: true }).check();
  await page.locator('[id$="Field_reviewComment"]').waitFor({ state: 'detached' });
  await screenshot(page, 'jiwei-review-form');
  await complete(page);
  await state.current.context.close();

  // 3. commerce-clerk receives the receipt --------------------------------------------------------------
  step('commerce-clerk completes 领取备案回执 (shows WZBA-<year>-<4 digits>)');
  state.current = await loginTasklist(browser, 'commerce-clerk');
  page = state.current.page;
  // the registration runs as a job (asyncBefore): openTaskOfThisPlan waits for the receipt task
  await openTaskOfThisPlan(page, '本机构待办', '领取备案回执');
  await page.locator('[ng-click="claim()"]').first().click();
  const receiptForm = page.locator('.fjs-container').first();
  await receiptForm.waitFor();
  // values are shown in read-only fields, never rendered into the form's text
  await receiptForm.locator('[id$="Field_prefilingNo"]').waitFor();
  assert.equal(await receiptForm.locator('[id$="Field_planTitle"]').inputValue(), planTitle, 'the receipt names another plan');
  const number = await receiptForm.locator('[id$="Field_prefilingNo"]').inputValue();
  assert.match(number, new RegExp(`^WZBA-${new Date().getFullYear()}-\\d{4}$`), 'the receipt shows no registry number');
  console.log(`  receipt shows ${number}`);
  await screenshot(page, 'clerk-receipt');
  await complete(page);
  await state.current.context.close();

  // 4. admin: Cockpit and the history -------------------------------------------------------------------
  step('admin: the instance is COMPLETED (history REST), Cockpit shows the prefiling process');
  const instances = await adminGet(`/engine-rest/history/process-instance?processDefinitionKey=prefiling&variables=planTitle_eq_${encodeURIComponent(planTitle)}`);
  assert.equal(instances.length, 1, `expected one prefiling instance for ${planTitle}`);
  assert.equal(instances[0].state, 'COMPLETED');
  const vars = await adminGet(`/engine-rest/history/variable-instance?processInstanceId=${instances[0].id}&variableName=prefilingNo`);
  assert.equal(vars.length, 1, 'no prefilingNo in the history');
  assert.equal(vars[0].value, number, 'the receipt showed another number than the one registered');

  state.current = await login(browser, 'cockpit', 'admin');
  page = state.current.page;
  await page.locator('.dashboard').first().waitFor();
  await waitUntilLoaded(page);
  await screenshot(page, 'admin-cockpit-dashboard');

  await page.goto(`${BASE}/camunda/app/cockpit/default/#/processes`);
  const row = page.locator('tr:has(a:text-is("prefiling"))').first();
  await row.waitFor();
  await waitUntilLoaded(page);
  const headers = await page.locator('thead th').allInnerTexts();
  const runningColumn = headers.findIndex(h => h.includes('运行中的实例'));
  assert.ok(runningColumn >= 0, 'Cockpit shows no column 运行中的实例: ' + headers.join(' | '));
  const shownRunning = Number((await row.locator('td').nth(runningColumn).innerText()).trim());
  const running = (await adminGet('/engine-rest/process-instance/count?processDefinitionKey=prefiling')).count;
  assert.equal(shownRunning, running, 'Cockpit shows another number of running pre-filings than the engine');
  const stillRunning = await adminGet(`/engine-rest/process-instance?processInstanceIds=${instances[0].id}`);
  assert.equal(stillRunning.length, 0, 'the finished pre-filing is still running');
  console.log(`  Cockpit: 事前备案 has ${shownRunning} running instance(s); this one is finished`);
  await screenshot(page, 'admin-cockpit-processes');

  await row.getByRole('link', { name: '事前备案' }).first().click();
  await page.locator('.djs-container').first().waitFor();
  await page.locator('.djs-element[data-element-id="reviewPrefiling"]').first().waitFor();
  await waitUntilLoaded(page);
  assert.equal(await page.locator(`a:text-is("${instances[0].id}")`).count(), 0,
    'Cockpit lists the finished pre-filing among the running instances');
  await screenshot(page, 'admin-cockpit-prefiling');
  await state.current.context.close();
  state.current = null;
});
