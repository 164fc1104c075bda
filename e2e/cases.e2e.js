#!/usr/bin/env node
// Browser test of 事项编号 and 我的事项: everyone finds their case.
//
//   1. commerce-clerk files a case from Tasklist's start dialog (no 单位代码 to fill; Esc asks before throwing the
//      filled form away); the confirmation names its 事项编号 WZSX-…;
//   2. 我的事项 (Tasklist's header → /registry/cases.html) lists it with the step and agency it waits on;
//   3. jiwei types the official's name into Tasklist's search and finds the task;
//   4. Cockpit's instance list shows the 事项编号 as business key, the instance page a button 案卷; Admin shows no
//      raw translation key; a wrong password is told in Chinese under the system's name;
//   5. the registry pages fit a phone 390 px wide.
// Screenshots of each webapp for the README's tour (docs/*.png are copies of them).
//
// Environment: see support.js.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const { BASE, OUT, PASSWORD, TIMEOUT, step, screenshots, login, loginTasklist, waitUntilLoaded, call, adminGet, eventually, run } =
  require('./support');

const screenshot = screenshots('cases');
const stamp = new Date().toISOString().replace(/[-:T.Z]/g, '').slice(8, 14);
const wuzhou = days => new Date(Date.now() + 8 * 3600 * 1000 - days * 86400 * 1000).toISOString().slice(0, 10);

async function selectOption(page, key, label) {
  await page.locator(`.fjs-form-field:has([id$="Field_${key}"]) .fjs-input-group`).click();
  await page.locator(`.fjs-dropdownlist-item:text-is("${label}")`).click();
  await page.locator(`.fjs-form-field:has([id$="Field_${key}"]) .fjs-select-display:text-is("${label}")`).waitFor();
}

async function fitsWidth(page, width, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${what} is ${scrollWidth} px wide on a ${width} px screen`);
}

fs.mkdirSync(OUT, { recursive: true });
run('cases', async (browser, state) => {
  const official = `覃${stamp}`;

  // 1. the clerk files a case ------------------------------------------------------------------------------
  step('commerce-clerk files a case from the start dialog; Esc asks first; the confirmation names its 事项编号');
  state.current = await loginTasklist(browser, 'commerce-clerk');
  let page = state.current.page;
  await screenshot(page, 'tasklist');
  await page.locator('.start-process-action').first().click();
  await page.locator('.modal a', { hasText: /容错纠错(案件|事项)/ }).first().click();
  await page.locator('[id$="Field_officialName"]').waitFor();
  // a clerk of one unit is not asked for its unit
  await page.locator('[id$="Field_unitGroup"]').waitFor({ state: 'hidden', timeout: 10000 });
  await page.locator('[id$="Field_officialName"]').fill(official);
  await page.locator('[id$="Field_officialId"]').fill(`WZ-E2E-C${stamp}`);
  await page.locator('[id$="Field_officialPosition"]').fill('外资科科长');
  await selectOption(page, 'officialCategory', '党政机关干部');
  await selectOption(page, 'workCategory', '乡村振兴');
  await selectOption(page, 'errorType', '偏差失误');
  await page.locator('[id$="Field_errorDescription"]').fill('产业帮扶项目选址论证不足，导致项目延期。');
  const discovered = page.locator('[id$="Field_discoveredOn-date"]');
  await discovered.fill(wuzhou(2).replace(/-/g, '/'));
  await discovered.press('Enter');
  await page.locator('[id$="Field_officialName"]').click();

  await page.keyboard.press('Escape');
  const ask = page.locator('.case-desk-discard');
  await ask.waitFor();
  assert.ok((await ask.innerText()).includes('尚未提交'), 'Esc threw the filled form away without asking');
  await screenshot(page, 'clerk-asked-before-discarding');
  await ask.locator('button', { hasText: '继续填写' }).click();
  assert.equal(await page.locator('[id$="Field_officialName"]').inputValue(), official, 'the form lost what was typed');

  await page.locator('button[ng-click="startProcessInstance()"]').click();
  await page.locator('.modal').waitFor({ state: 'detached' });
  const confirmation = page.locator('.case-desk-message', { hasText: '事项编号' });
  await confirmation.waitFor();
  const caseNo = (/WZSX-\d{4}-\d{4}/.exec(await confirmation.innerText()) || [])[0];
  assert.ok(caseNo, 'the confirmation names no 事项编号: ' + await confirmation.innerText());
  console.log(`  filed ${caseNo}`);
  await screenshot(page, 'clerk-started-with-number');

  // 2. 我的事项 --------------------------------------------------------------------------------------------------
  step(`我的事项 from Tasklist's header lists ${caseNo} waiting on 市纪委监委`);
  await page.locator('a.my-cases-link').click();
  await page.waitForURL(/\/registry\/cases\.html/);
  const row = page.locator(`table.cases tr:has(a:text-is("${caseNo}"))`);
  await eventually(`${caseNo} waits on the agencies`, async () => {
    await page.reload();
    await row.waitFor();
    return (await row.innerText()).includes('市纪委监委');
  }, 60);
  const rowText = await row.innerText();
  assert.ok(rowText.includes('办理中') && rowText.includes(official) && rowText.includes('纪委监委接收报告'),
    'the row does not say state, official and step:\n' + rowText);
  await screenshot(page, 'registry-my-cases');
  await row.locator(`a:text-is("${caseNo}")`).click();
  await page.locator('p.case-title', { hasText: caseNo }).waitFor();
  await state.current.context.close();

  // 3. jiwei searches ----------------------------------------------------------------------------------------
  step(`jiwei types ${official} into Tasklist's search and finds the task`);
  state.current = await loginTasklist(browser, 'jiwei');
  page = state.current.page;
  await page.locator('.task-filter:has-text("本机构待办")').first().click();
  const search = page.locator('input.main-field').first();
  await search.click();
  await search.fill(official);
  await search.press('Enter');
  const found = page.locator(`.tasks-list li:has-text("${official}")`);
  await eventually('the search finds the task', async () => (await found.count()) > 0, 30);
  const listed = await page.locator('.tasks-list li.task').allInnerTexts();
  assert.ok(listed.length > 0 && listed.every(text => text.includes(official)),
    'the search lists other tasks too:\n' + listed.join('\n---\n'));
  assert.ok((await found.first().innerText()).includes(caseNo), 'the card does not show the 事项编号');
  await screenshot(page, 'jiwei-search-by-official');
  await state.current.context.close();

  // 4. Cockpit and Admin ---------------------------------------------------------------------------------------
  step('Cockpit lists the instance with its 事项编号 as business key; its page has 案卷; Admin has no raw keys');
  const [instance] = await adminGet(`/engine-rest/process-instance?businessKey=${caseNo}`);
  assert.ok(instance, `no instance with business key ${caseNo}`);
  state.current = await login(browser, 'cockpit', 'admin');
  page = state.current.page;
  await page.locator('.dashboard').first().waitFor();
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-definition/${instance.definitionId}/runtime`);
  await page.locator(`td:has-text("${caseNo}")`).first().waitFor();
  await waitUntilLoaded(page);
  await screenshot(page, 'cockpit-instances');
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-instance/${instance.id}/runtime`);
  const caseFile = page.locator('a.case-file-link');
  await caseFile.waitFor();
  assert.ok((await caseFile.getAttribute('href')).includes(instance.id), '案卷 leads elsewhere');
  await waitUntilLoaded(page);
  assert.ok(!/\bnull\b/.test(await page.locator('body').innerText()), 'Cockpit prints null');
  await screenshot(page, 'cockpit-instance');
  await page.goto(`${BASE}/camunda/app/admin/default/#/users`);
  await page.locator('table').first().waitFor();
  await waitUntilLoaded(page);
  await page.waitForTimeout(1000);
  const adminText = await page.locator('body').innerText();
  assert.ok(!/USERS_USERS|SEARCH_PLACEHOLDER/.test(adminText), 'Admin shows raw keys');
  await screenshot(page, 'admin-users');
  await state.current.context.close();

  step('a wrong password is told in Chinese, under the system\'s name');
  const context = await browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  context.setDefaultTimeout(TIMEOUT);
  page = await context.newPage();
  state.current = { context, page };
  await page.goto(`${BASE}/camunda/app/tasklist/`);
  await page.locator('input[type=text]').fill('commerce-clerk');
  await page.locator('input[type=password]').fill(PASSWORD + '-wrong');
  await page.locator('button[type=submit]').click();
  await page.getByText('用户名或密码错误').first().waitFor();
  const name = await page.locator('.login-header').evaluate(el => getComputedStyle(el, '::before').content);
  assert.ok(name.includes('容错纠错管理系统'), 'the login page does not name the system: ' + name);
  await screenshot(page, 'login-failed');
  await context.close();

  // 5. a phone -----------------------------------------------------------------------------------------------
  step('the registry pages fit a phone 390 px wide');
  const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true,
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  phone.setDefaultTimeout(TIMEOUT);
  page = await phone.newPage();
  state.current = { context: phone, page };
  await page.goto(`${BASE}/registry/cases.html`);
  await page.locator('form.login input[name=username]').fill('commerce-clerk');
  await page.locator('form.login input[name=password]').fill(PASSWORD);
  await page.locator('form.login button[type=submit]').click();
  await page.locator(`table.cases a:text-is("${caseNo}")`).waitFor();
  assert.ok(!(await page.locator('.registry-header').innerText()).includes('commerce-clerk'),
    'the header shows the login id instead of the name');
  await fitsWidth(page, 390, '我的事项');
  await screenshot(page, 'phone-my-cases');
  for (const path of [`case.html?q=${caseNo}`, 'index.html', 'official.html', 'stats.html']) {
    await page.goto(`${BASE}/registry/${path}`);
    await page.locator('main h1').waitFor();
    await page.waitForTimeout(1500);
    await fitsWidth(page, 390, path);
  }
  await screenshot(page, 'phone-stats');
  await phone.close();
  state.current = null;
  assert.equal((await call('commerce-clerk', 'GET', `/api/cases/${caseNo}`)).status, 200);
});
