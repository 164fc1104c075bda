/*
 * 容错纠错: texts the webapps print untranslated, shown in Chinese (a customScript of Cockpit, Admin and Tasklist).
 *
 * - A translation key shown as it is ("USERS_USERS", "SEARCH_PLACEHOLDER"): the webapps look a few keys up before
 *   their translations have loaded. The key is replaced by its text in the app's own locales/zh.json.
 * - A few English words written into the webapps' templates and code instead of a key ("Actions", "Failed Job"),
 *   and the word null Cockpit prints for an absent value (上级流程实例 ID： null), which reads 无.
 *
 * Only whole texts that are exactly such a key or word are replaced, in text nodes and in placeholder and title
 * attributes; nothing else on the page is touched. Browsers asking for English keep the webapps' English.
 */

const LITERALS = {
  'Actions': '操作',
  'Failed Job': '作业失败',
  'failedJob': '作业失败'
};

const KEY = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

function app() {
  return (/\/app\/([^/]+)\//.exec(window.location.pathname) || [])[1];
}

function appRoot() {
  return document.querySelector('base').getAttribute('app-root') || '';
}

function english() {
  return (navigator.language || '').toLowerCase().startsWith('en');
}

let labels = {};

function chinese(text, element) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  // an absent value Cockpit prints as the word null (上级流程实例 ID： null)
  if (trimmed === 'null' && element && element.classList.contains('null-value')) return text.replace(trimmed, '无');
  if (LITERALS[trimmed]) return text.replace(trimmed, LITERALS[trimmed]);
  if (KEY.test(trimmed) && typeof labels[trimmed] === 'string') return text.replace(trimmed, labels[trimmed]);
  return null;
}

function translate(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = chinese(node.nodeValue, node.parentElement);
    if (text !== null) node.nodeValue = text;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  ['placeholder', 'title'].forEach(attribute => {
    const value = node.getAttribute(attribute);
    const text = value && chinese(value);
    if (text) node.setAttribute(attribute, text);
  });
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let next = walker.nextNode(); next; next = walker.nextNode()) {
    if (next.nodeType === Node.TEXT_NODE) {
      const text = chinese(next.nodeValue, next.parentElement);
      if (text !== null) next.nodeValue = text;
    } else {
      ['placeholder', 'title'].forEach(attribute => {
        const value = next.getAttribute(attribute);
        const text = value && chinese(value);
        if (text) next.setAttribute(attribute, text);
      });
    }
  }
}

if (!english()) {
  fetch(`${appRoot()}/app/${app()}/locales/zh.json`, { credentials: 'same-origin' })
    .then(response => response.ok ? response.json() : {})
    .then(texts => { labels = texts.labels || {}; translate(document.body); })
    .catch(() => {});
  new MutationObserver(changes => changes.forEach(change => {
    if (change.type === 'characterData') translate(change.target);
    else if (change.type === 'attributes') translate(change.target);
    else change.addedNodes.forEach(translate);
  })).observe(document.documentElement,
    { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'title'] });
}

// customScripts modules may export Camunda plugins; this one exports none.
export default [];
