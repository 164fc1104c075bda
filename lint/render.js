#!/usr/bin/env node
// Renders every processes/*.bpmn with the bpmn-js viewer inside headless Chromium
// (Debian's /usr/bin/chromium through playwright-core; no browser is downloaded)
// to docs/diagrams/<name>.svg and docs/diagrams/<name>.png.
//
//   cd lint && npm ci && node render.js [file.bpmn ...]
//
// CHROMIUM overrides the browser path. Exits non-zero when a diagram does not import
// cleanly (bpmn-js import warnings count as failures).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'docs', 'diagrams');
const bpmnJs = path.dirname(require.resolve('bpmn-js/package.json'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const files = process.argv.slice(2).length
  ? process.argv.slice(2).map(f => path.resolve(f))
  : fs.readdirSync(path.join(root, 'processes'))
    .filter(f => f.endsWith('.bpmn'))
    .sort()
    .map(f => path.join(root, 'processes', f));

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'
    ],
    viewport: { width: 1200, height: 800 },
    deviceScaleFactor: 1.5
  });
  let failed = 0;
  try {
    const page = await context.newPage();
    page.on('pageerror', err => console.error('page error:', err.message));
    for (const file of files) {
      const name = path.basename(file, '.bpmn');
      try {
        const { width, height } = await render(page, file, name);
        console.log(`${path.relative(root, file)} -> docs/diagrams/${name}.svg, ${name}.png (${width}x${height})`);
      } catch (err) {
        failed++;
        console.error(`${path.relative(root, file)}: ${err.message}`);
      }
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

async function render(page, file, name) {
  const xml = fs.readFileSync(file, 'utf8');
  await page.setContent(
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="margin:0;background:#fff"><div id="canvas" style="width:4000px;height:2000px"></div></body></html>');
  await page.addStyleTag({ path: path.join(bpmnJs, 'dist/assets/diagram-js.css') });
  await page.addStyleTag({ path: path.join(bpmnJs, 'dist/assets/bpmn-js.css') });
  await page.addScriptTag({ path: path.join(bpmnJs, 'dist/bpmn-viewer.production.min.js') });

  const result = await page.evaluate(async (xml) => {
    // eslint-disable-next-line no-undef
    const viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    const { svg } = await viewer.saveSVG();
    return { svg, warnings: warnings.map(w => w.message) };
  }, xml);

  if (result.warnings.length) {
    throw new Error('bpmn-js import warnings:\n  ' + result.warnings.join('\n  '));
  }

  // saveSVG sizes the document to the diagram's bounding box: add a margin and a white background.
  const pad = 20;
  let width, height;
  const svg = result.svg.replace(/<svg([^>]*)>/, (tag, attrs) => {
    const [x, y, w, h] = /viewBox="([^"]+)"/.exec(attrs)[1].split(/\s+/).map(Number);
    width = Math.ceil(w + 2 * pad);
    height = Math.ceil(h + 2 * pad);
    attrs = attrs
      .replace(/width="[^"]*"/, `width="${width}"`)
      .replace(/height="[^"]*"/, `height="${height}"`)
      .replace(/viewBox="[^"]*"/, `viewBox="${x - pad} ${y - pad} ${width} ${height}"`);
    return `<svg${attrs}><rect x="${x - pad}" y="${y - pad}" width="${width}" height="${height}" fill="#fff"/>`;
  });
  fs.writeFileSync(path.join(outDir, `${name}.svg`), svg + '\n');

  await page.setViewportSize({ width, height });
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    `<body style="margin:0;background:#fff">${svg}</body></html>`);
  await page.locator('svg').first().screenshot({ path: path.join(outDir, `${name}.png`) });
  return { width, height };
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
