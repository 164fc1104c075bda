/*
 * 容错纠错: Simplified Chinese for the strings that Camunda Forms (form-js 1.8.7, bundled by Tasklist 7.24)
 * and its date picker (flatpickr) print themselves: validation messages ("Field is required."), the select
 * placeholder ("Select"), "Search", "No results", the date placeholder ("yyyy/mm/dd"), month and weekday names.
 *
 * form-js 1.8.7 has no translation hook (its texts are literals in the viewer, e.g. the validator pushes
 * 'Field is required.'), and Tasklist creates the form with `new Form({ container })` without extra modules, so
 * there is nothing to configure. This script, loaded by config.js `customScripts`, watches the DOM instead and
 * rewrites only those known texts, only inside form-js containers (.fjs-container) and the flatpickr calendar.
 * Labels, options and values written in the form schema are never touched. Text nodes are changed in place
 * (node.data), so form-js (Preact) keeps its own nodes and puts back any new message, which is then translated.
 *
 * Active when Tasklist itself shows Chinese: the same rule as Tasklist's language choice (the browser's first
 * language if it is one of config.locales.availableLocales, else config.locales.fallbackLocale).
 */

const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请输入有效的国际电话号码（例如 +867742000000）。',
  'Value is not a number.': '请输入数字。',
  'Value is expected to be an integer.': '请输入整数。',
  'Date and time must both be entered.': '日期和时间须同时填写。',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Add new': '新增',
  'Nothing to show.': '暂无数据。',
  'Remove tag': '移除',
  'Increment': '增加',
  'Decrement': '减少',
  'Previous page': '上一页',
  'Next page': '下一页',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分 上午/下午',
  // flatpickr
  'Scroll to increment': '滚动鼠标以增减',
  'Click to toggle': '点击切换',
  'Sun': '日', 'Mon': '一', 'Tue': '二', 'Wed': '三', 'Thu': '四', 'Fri': '五', 'Sat': '六'
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const MONTHS_ZH = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
MONTHS.forEach((m, i) => { EXACT[m] = MONTHS_ZH[i]; });

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, '长度不能少于 $1 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, '长度不能超过 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式不正确（应符合 $1）。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多 $1 位小数。'],
  [/^Remove list item (\d+)$/, '删除第 $1 项'],
  // date placeholder from the browser's locale, e.g. yyyy/mm/dd
  [/^(?=.*yyyy)[ymd]+([/.\-]\s?)[ymd]+\1[ymd]+$/, s => s.replace('yyyy', '年').replace('mm', '月').replace('dd', '日')],
  // flatpickr day labels, e.g. "December 15, 2026"
  [new RegExp('^(' + MONTHS.join('|') + ') (\\d{1,2}), (\\d{4})$'),
    (s, m, d, y) => `${y}年${MONTHS.indexOf(m) + 1}月${d}日`]
];

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];
const SCOPES = '.fjs-container, .flatpickr-calendar';

function translate(text) {
  if (!text) {
    return null;
  }
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

// Texts that form-js prints itself sit in these elements; everything else (labels, descriptions, options,
// values, text views) comes from the form schema or the user and is left as it is.
const OWN_TEXT = [
  '.fjs-form-field-error',
  '.fjs-select-placeholder',
  '.fjs-dropdownlist-empty',
  '.fjs-repeat-render-add',
  '.fjs-table-empty',
  '.fjs-table',
  '.flatpickr-weekdays',
  '.flatpickr-month',
  '.flatpickr-monthDropdown-months'
].join(', ');

function isOwnText(textNode) {
  const parent = textNode.parentElement;
  if (!parent || !parent.closest(OWN_TEXT)) {
    return false;
  }
  // a table's cells hold data; only its "Nothing to show." is form-js's own
  return !parent.closest('.fjs-table') || textNode.data.trim() === 'Nothing to show.';
}

function translateElement(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) {
    texts.push(walker.currentNode);
  }
  texts.forEach(node => {
    if (isOwnText(node)) {
      const translated = translate(node.data);
      if (translated !== null && translated !== node.data) {
        node.data = translated; // in place: form-js keeps its node
      }
    }
  });
  const elements = [root, ...root.querySelectorAll('[placeholder], [title], [aria-label]')];
  elements.forEach(el => {
    if (el.nodeType !== Node.ELEMENT_NODE || !el.matches('input, button, span, a, textarea, div, li')) {
      return;
    }
    ATTRIBUTES.forEach(name => {
      const value = el.getAttribute(name);
      const translated = translate(value);
      if (translated !== null && translated !== value) {
        el.setAttribute(name, translated);
      }
    });
  });
}

let scheduled = false;

function translateAll() {
  scheduled = false;
  document.querySelectorAll(SCOPES).forEach(translateElement);
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    // before the next paint, so the English text never shows
    Promise.resolve().then(translateAll);
  }
}

function relevant(mutation) {
  const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
  if (target && target.closest(SCOPES)) {
    return true;
  }
  return Array.prototype.some.call(mutation.addedNodes || [], node =>
    node.nodeType === Node.ELEMENT_NODE && (node.matches(SCOPES) || node.querySelector(SCOPES)));
}

function activeLocale(config) {
  const locales = (config && config.locales) || {};
  const available = locales.availableLocales || ['zh', 'en'];
  const fallback = locales.fallbackLocale || 'zh';
  const nav = window.navigator;
  const first = ((nav.languages && nav.languages[0]) || nav.language || '').split('-')[0].toLowerCase();
  return available.indexOf(first) > -1 ? first : fallback;
}

async function start() {
  let config = {};
  try {
    config = (await import('./config.js')).default || {};
  } catch (e) {
    // defaults above
  }
  if (activeLocale(config) !== 'zh') {
    return;
  }
  new MutationObserver(mutations => {
    if (mutations.some(relevant)) {
      schedule();
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  schedule();
}

start();

// customScripts modules may export Camunda plugins; this one exports none.
export default [];
