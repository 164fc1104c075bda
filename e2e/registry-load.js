#!/usr/bin/env node
// Loads each registry page LOAD_RUNS times (default 5) in headless Chromium, logged in, and prints first / median /
// max in ms: from the navigation to the page's content on screen (tables filled, charts drawn). Run by
// registry-load.sh against a registry of 10,000 decisions.
'use strict';

const { BASE, step, loginTasklist, toleratedCase, run } = require('./support');

const RUNS = Number(process.env.LOAD_RUNS || 5);

async function measure(page, path, ready) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = Date.now();
    await page.goto(`${BASE}/registry/${path}`);
    await ready(page);
    times.push(Date.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { path, first: times[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

const chartsDrawn = page => page.waitForFunction(() => document.querySelectorAll('.chart canvas').length === 4
  && document.querySelector('table.stats-table'));

run('registry-load', async (browser, state) => {
  step('one real case worked through to 容错免责 (REST), for its case file');
  const { decisionNo } = await toleratedCase('测量对象', 'WZ-LOAD-REAL');
  const results = [];
  state.current = await loginTasklist(browser, 'zuzhi');
  let page = state.current.page;
  step(`zuzhi loads each page ${RUNS} times`);
  results.push(await measure(page, '', p => p.locator('ul.pages').waitFor()));
  // 官员1000 has 3 or 4 decisions among the 10,000, and their notices
  results.push(await measure(page, 'official.html?q=' + encodeURIComponent('官员1000'),
    p => p.locator('table.decisions').waitFor()));
  results.push(await measure(page, 'official.html?q=WZ-LOAD-1000', p => p.locator('table.decisions').waitFor()));
  results.push(await measure(page, 'case.html?q=' + decisionNo, p => p.locator('table.steps').waitFor()));
  results.push(await measure(page, 'stats.html?from=2024-01-01&to=2025-12-31', chartsDrawn));
  await state.current.context.close();
  state.current = await loginTasklist(browser, 'jiwei');
  page = state.current.page;
  step(`jiwei loads the statistics of 2025 ${RUNS} times`);
  results.push(await measure(page, 'stats.html?from=2025-01-01&to=2025-12-31', chartsDrawn));
  await state.current.context.close();
  state.current = null;
  console.log('\n| page | first | median | max |\n|---|---:|---:|---:|');
  results.forEach(r => console.log(`| /registry/${r.path} | ${r.first} | ${r.median} | ${r.max} |`));
});
