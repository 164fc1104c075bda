#!/usr/bin/env node
// Browser test of the registry pages (登记查询, /registry/), with the webapps' login:
//
//   1. a case of commerce-clerk is worked through to 容错免责 over REST, as the agencies do it in Tasklist;
//   2. zuzhi logs in to Tasklist, follows 登记查询 in the header, searches the official by name on 干部查询 and sees
//      年度考核 with the decision number; the same by 人员编号; opens the case file from the number (steps with agency
//      and person, the decision, the notices);
//   3. tengxian-clerk, logged in, cannot open commerce-clerk's case file (the page says it is not in its scope;
//      the API answers 404);
//   4. jiwei's statistics page draws its charts (canvases with pixels) and the table, and exports CSV;
//   5. without a login the pages show the login form, and logging in there shows the page; 退出 logs out;
//   6. guize, logged in to Tasklist, previews a rules table in which rule 4 recommends 减轻处理 on 规则预览: the
//      tolerated case is listed as changing from 容错免责 to 减轻处理, and nothing is deployed.
//
// Environment: see support.js.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { BASE, OUT, PASSWORD, step, screenshots, loginTasklist, call, eventually, toleratedCase, run } = require('./support');

const screenshot = screenshots('registry');
const stamp = new Date().toISOString().replace(/[-:T.Z]/g, '').slice(8, 14) + String(Math.floor(Math.random() * 100)).padStart(2, '0');

// a canvas the charts drew on: some of its pixels are not transparent
async function drawnCharts(page) {
  return page.evaluate(() => [...document.querySelectorAll('.chart canvas')].filter(canvas => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4 * 97) {
      if (data[i] !== 0) return true;
    }
    return false;
  }).length);
}

fs.mkdirSync(OUT, { recursive: true });
run('registry', async (browser, state) => {
  const official = `覃${stamp}`;
  const officialId = `WZ-E2E-R${stamp}`;
  step(`a case of ${official} (${officialId}) is worked through to 容错免责 (REST)`);
  const { caseId, decisionNo } = await toleratedCase(official, officialId);
  console.log(`  ${decisionNo}, case ${caseId}`);

  // 2. the organization department ------------------------------------------------------------------------
  step('zuzhi follows 登记查询 from Tasklist, finds the official by name: 年度考核 with the decision number');
  state.current = await loginTasklist(browser, 'zuzhi');
  let page = state.current.page;
  const link = page.locator('a.registry-link');
  await link.waitFor();
  assert.equal((await link.innerText()).trim(), '登记查询');
  await link.click();
  await page.waitForURL(/\/registry\/$/);
  await page.locator('a[href="official.html"]').first().click();
  let started = Date.now();
  await page.locator('input[name=q]').fill(official);
  await page.locator('form#query button[type=submit]').click();
  const protections = page.locator(`section.official[data-official-id="${officialId}"] table.protections`);
  await protections.waitFor();
  console.log(`  干部查询 answered in ${Date.now() - started} ms`);
  const annual = protections.locator('tr:has-text("年度考核")');
  assert.equal(await annual.count(), 1, 'no 年度考核 row');
  assert.ok((await annual.innerText()).includes(decisionNo), `年度考核 without ${decisionNo}`);
  assert.match(await annual.innerText(), /组织部门：市委组织部 干部 于 \d{4}-\d{2}-\d{2} 知悉/);
  assert.ok((await page.locator('table.decisions').innerText()).includes('容错免责'));
  assert.ok(await page.locator('button#print').isVisible(), 'no print button');
  await screenshot(page, 'zuzhi-official-by-name');
  await page.goto(`${BASE}/registry/official.html?q=${encodeURIComponent(officialId)}`);
  await protections.locator('tr:has-text("年度考核")').waitFor();

  step('zuzhi opens the case file from the decision number: steps with agency and person, decision, notices');
  started = Date.now();
  await page.locator(`table.protections a:text-is("${decisionNo}")`).first().click();
  await page.locator('table.steps').waitFor();
  console.log(`  案卷 answered in ${Date.now() - started} ms`);
  const steps = await page.locator('table.steps').innerText();
  assert.match(steps, /上级党委（党组）接收报告\s+上级党委（党组）\s+上级党委 书记/, 'a step without agency or person');
  assert.match(steps, /核查认定\s+问责承办机关\s+问责承办机关 承办人/);
  // an opinion is shown once, under 意见 with its step, not again in the steps' table
  const opinions = await page.locator('table.opinions').innerText();
  assert.match(opinions, /上级党委（党组）接收报告[\s\S]*立即整改/, 'the instruction is not among the opinions with its step');
  assert.ok(!steps.includes('立即整改'), 'the instruction is repeated in its step');
  const body = await page.locator('main').innerText();
  assert.ok(body.includes('已办结') && body.includes(decisionNo) && body.includes('容错免责'));
  assert.ok((await page.locator('table.notices').innerText()).includes('年度考核'));
  await screenshot(page, 'zuzhi-case-file');
  await state.current.context.close();

  // 3. another unit ----------------------------------------------------------------------------------------
  step('tengxian-clerk cannot open the case file of commerce-clerk\'s case (by number or by id)');
  state.current = await loginTasklist(browser, 'tengxian-clerk');
  page = state.current.page;
  for (const q of [decisionNo, caseId]) {
    await page.goto(`${BASE}/registry/case.html?q=${encodeURIComponent(q)}`);
    await page.locator('main p.error').waitFor();
    assert.ok((await page.locator('main p.error').innerText()).includes('不存在或不在您的查看范围内'));
    assert.equal(await page.locator('table.steps').count(), 0, 'tengxian-clerk sees the steps');
    assert.ok(!(await page.locator('main').innerText()).includes(official), 'tengxian-clerk reads the official\'s name');
  }
  assert.equal(await page.evaluate(async id => (await fetch(`/api/cases/${id}`)).status, caseId), 404);
  await screenshot(page, 'tengxian-clerk-refused');
  await state.current.context.close();

  // 4. statistics ------------------------------------------------------------------------------------------
  step('jiwei\'s statistics page draws its charts and the table, and exports CSV');
  state.current = await loginTasklist(browser, 'jiwei');
  page = state.current.page;
  started = Date.now();
  await page.goto(`${BASE}/registry/stats.html`);
  await page.locator('table.stats-table').waitFor();
  await eventually('the charts are drawn', async () => (await drawnCharts(page)) === 4, 10);
  console.log(`  统计 drawn in ${Date.now() - started} ms`);
  const table = await page.locator('table.stats-table').innerText();
  assert.match(table, /按认定结果\s+容错免责\s+[1-9]/, 'the table does not count the tolerated case');
  const month = new Date(Date.now() + 8 * 3600 * 1000);
  assert.match(table, new RegExp(`按月份\\s+${month.getUTCFullYear()}年${month.getUTCMonth() + 1}月\\s+[1-9]`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button#csv').click()]);
  const exported = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(exported.startsWith('\ufeff类别,项目,数量'), 'the CSV has no header');
  assert.match(exported, /按认定结果,容错免责,[1-9]/);
  await screenshot(page, 'jiwei-statistics');
  await state.current.context.close();

  // 5. the login -------------------------------------------------------------------------------------------
  step('without a login the page shows the login form; logging in there shows the page');
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  state.current = { context, page: await context.newPage() };
  page = state.current.page;
  await page.goto(`${BASE}/registry/official.html?q=${encodeURIComponent(officialId)}`);
  await page.locator('form.login').waitFor();
  await page.locator('form.login input[name=username]').fill('zuzhi');
  await page.locator('form.login input[name=password]').fill(PASSWORD);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('table.protections tr:has-text("年度考核")').waitFor();
  await page.locator('a.logout').click();
  await page.locator('form.login').waitFor();
  assert.equal((await page.evaluate(async () => (await fetch('/camunda/api/admin/auth/user/default')).status)), 404,
    'still logged in after 退出');
  await context.close();

  // 6. the rules preview -----------------------------------------------------------------------------------
  step('guize previews a changed rules table on 规则预览: the tolerated case would be 减轻处理; nothing is deployed');
  const rules = fs.readFileSync(path.join(__dirname, '..', 'processes', 'tolerance-determination.dmn'), 'utf8')
    .replace('<outputEntry id="rule4_recommendation"><text>"TOLERATE"</text>',
      '<outputEntry id="rule4_recommendation"><text>"MITIGATE"</text>');
  const changedRules = path.join(OUT, 'tolerance-determination.dmn');
  fs.writeFileSync(changedRules, rules);
  const versions = async () => (await call('guize', 'GET', '/engine-rest/decision-definition?key=toleranceDetermination')).json.length;
  const before = await versions();
  state.current = await loginTasklist(browser, 'guize');
  page = state.current.page;
  await page.goto(`${BASE}/registry/rules.html`);
  await page.locator('input[type=file]').setInputFiles(changedRules);
  await page.locator('form#replay button[type=submit]').click();
  const changed = page.locator(`table.changed tr:has-text("${decisionNo}")`);
  await changed.waitFor();
  assert.match(await changed.innerText(), new RegExp(`${decisionNo}\\s+容错免责\\s+减轻处理`));
  assert.match(await page.locator('p.summary').innerText(), /评估已认定案件 [1-9]\d* 件/);
  assert.ok(!(await page.locator('main').innerText()).includes('null'), 'the page shows "null"');
  assert.equal(await versions(), before, 'the preview deployed the table');
  await screenshot(page, 'guize-rules-preview');
  await state.current.context.close();
  state.current = null;
});
