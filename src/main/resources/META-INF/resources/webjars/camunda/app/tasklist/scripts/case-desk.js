/*
 * 容错纠错: what Tasklist says and finds about cases, beyond what its own screens do.
 *
 * - Its search box finds a task by 事项编号, unit, official or plan: a search typed without choosing a property
 *   (Tasklist sends it as nameLike) also matches the task's description, which names the case
 *   ("WZSX-2026-0001 · 市商务局 · 李明", written as each task is created) and the case's 事项编号 (business key).
 * - After a start it says which 事项编号 the new case or pre-filing got; after 签收 that the task is now under
 *   我的待办; after 完成 that the task is done. Each message stays until closed (Tasklist's own fades in 3 s).
 * - Every filter shows how many tasks it holds, not only the one open.
 * - The start dialog asks before Esc, a click beside it or 关闭 throws a filled-in form away.
 * - The start forms' unit field (unitGroup) is not shown to someone in one unit (the server takes that unit); someone
 *   in several units picks one by name from a list of them.
 *
 * Requests are recognised by their path in the webapp's engine API; answers are read, never changed, except the
 * task search's query, which is widened as said above. Texts are put in as text nodes, never as markup.
 */

function engineApi() {
  const engine = (/\/app\/tasklist\/([^/]+)\//.exec(window.location.pathname) || [])[1] || 'default';
  return document.querySelector('base').getAttribute('engine-api') + 'engine/' + engine;
}

// ---- messages ----------------------------------------------------------------------------------------------------

function say(text, kind) {
  let box = document.querySelector('.case-desk-messages');
  if (!box) {
    box = document.createElement('div');
    box.className = 'case-desk-messages';
    box.setAttribute('role', 'status');
    document.body.appendChild(box);
  }
  const message = document.createElement('div');
  message.className = 'case-desk-message ' + (kind || 'ok');
  const words = document.createElement('span');
  words.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', '关闭');
  close.textContent = '×';
  close.addEventListener('click', () => message.remove());
  message.append(words, close);
  box.appendChild(message);
  setTimeout(() => message.remove(), 20000);
}

// ---- the search --------------------------------------------------------------------------------------------------

/** A typed search (name like %x%) widened to the task's description and the case's 事项编号. */
function widen(query) {
  const widenOne = part => {
    if (!part || typeof part.nameLike !== 'string') return null;
    const typed = part.nameLike.replace(/^%|%$/g, '');
    const like = '%' + (/^wz[a-z]{2}-/i.test(typed) ? typed.toUpperCase() : typed) + '%';
    return { nameLike: part.nameLike, descriptionLike: like, processInstanceBusinessKeyLike: like };
  };
  if (Array.isArray(query.orQueries) && query.orQueries.length) {
    const wider = widenOne(query.orQueries[0]);
    if (wider) Object.assign(query.orQueries[0], wider);
    return query;
  }
  const wider = widenOne(query);
  if (wider) {
    delete query.nameLike;
    query.orQueries = [Object.assign({ processVariables: [], taskVariables: [], caseInstanceVariables: [] }, wider)];
  }
  return query;
}

// ---- what the engine API answered --------------------------------------------------------------------------------

const TASK_LIST = /\/filter\/[^/]+\/(list|count)(\?|$)/;
const PROCESS_START = /\/process-definition\/[^/]+\/(submit-form|start)(\?|$)/;
const TASK_CLAIM = /\/task\/[^/]+\/claim(\?|$)/;
const TASK_DONE = /\/task\/[^/]+\/(submit-form|complete)(\?|$)/;

function answered(method, url, status, responseText) {
  if (method !== 'POST' || status < 200 || status >= 300) return;
  if (/\/auth\/user\/[^/]+\/(login|logout)/.test(url)) {
    // another user's units
    myUnits = null;
    return;
  }
  if (PROCESS_START.test(url)) {
    let instance = {};
    try {
      instance = JSON.parse(responseText || '{}');
    } catch (e) {
      instance = {};
    }
    say(instance.businessKey
      ? `已发起，事项编号 ${instance.businessKey}。可在“我的事项”中查看办理进度。`
      : '已发起。可在“我的事项”中查看办理进度。');
    refreshCounts();
  } else if (TASK_CLAIM.test(url)) {
    say('已签收：任务现在在“我的待办”中。');
    refreshCounts();
  } else if (TASK_DONE.test(url)) {
    say('任务已办理完成，已转入下一环节。');
    refreshCounts();
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.caseDesk = { method: String(method).toUpperCase(), url: String(url) };
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (body) {
  const request = this.caseDesk;
  if (request) {
    if (request.method === 'POST' && TASK_LIST.test(request.url) && typeof body === 'string') {
      try {
        body = JSON.stringify(widen(JSON.parse(body)));
      } catch (e) {
        // not JSON: sent as it is
      }
    }
    this.addEventListener('load', () => {
      try {
        answered(request.method, request.url, this.status, this.responseType === '' || this.responseType === 'text' ? this.responseText : '');
      } catch (e) {
        // a message is a courtesy; Tasklist goes on regardless
      }
    });
  }
  return send.call(this, body);
};

// ---- a count on every filter -------------------------------------------------------------------------------------

let counting = null;

async function refreshCounts() {
  if (counting) return counting;
  counting = (async () => {
    const response = await fetch(`${engineApi()}/filter?resourceType=Task`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const filters = await response.json();
    const counts = {};
    await Promise.all(filters.map(async filter => {
      const count = await fetch(`${engineApi()}/filter/${encodeURIComponent(filter.id)}/count`,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (count.ok) counts[filter.name] = (await count.json()).count;
    }));
    document.querySelectorAll('.task-filter').forEach(item => {
      const link = item.querySelector('.name a');
      if (!link) return;
      const name = Array.from(link.childNodes).filter(node => node.nodeType === Node.TEXT_NODE)
        .map(node => node.textContent).join('').trim();
      if (!(name in counts)) return;
      let badge = link.querySelector('.case-desk-count');
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'case-desk-count';
        link.appendChild(badge);
      }
      badge.textContent = `（${counts[name]}）`;
    });
  })().catch(() => {}).finally(() => { counting = null; });
  return counting;
}

let filtersShown = 0;
new MutationObserver(() => {
  const shown = document.querySelectorAll('.task-filter').length;
  if (shown !== filtersShown) {
    filtersShown = shown;
    if (shown) {
      refreshCounts();
      // known before a start form asks for them
      units();
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
setInterval(() => { if (filtersShown) refreshCounts(); }, 30000);

// ---- the start dialog keeps what was typed -----------------------------------------------------------------------

// a start form (form-js) in the dialog with something typed into it (the date picker's own year fields aside)
function filledStartDialog() {
  if (!document.querySelector('.modal-dialog .fjs-form')) return false;
  return Array.from(document.querySelectorAll('.modal-dialog .fjs-form input.fjs-input:not([type=checkbox]):not([type=radio]), .modal-dialog .fjs-form textarea'))
    .some(field => !field.readOnly && field.value && field.value.trim() !== '');
}

const DISCARD = '表单已填写的内容尚未提交，关闭后将丢失。';

// Tasklist runs sandboxed without modals (window.confirm is ignored), so the dialog asks in a bar of its own
let discarding = false;

function closeButton() {
  return Array.from(document.querySelectorAll('.modal-footer button, .modal-footer a'))
    .find(element => element.textContent.trim() === '关闭');
}

function askBeforeDiscarding() {
  const dialog = document.querySelector('.modal-dialog .modal-content') || document.querySelector('.modal-dialog');
  if (!dialog || dialog.querySelector('.case-desk-discard')) return;
  const bar = document.createElement('div');
  bar.className = 'case-desk-discard';
  bar.setAttribute('role', 'alertdialog');
  const words = document.createElement('span');
  words.textContent = DISCARD;
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'btn btn-danger btn-sm';
  discard.textContent = '放弃并关闭';
  discard.addEventListener('click', () => {
    bar.remove();
    const close = closeButton();
    if (close) {
      discarding = true;
      try {
        close.click();
      } finally {
        discarding = false;
      }
    }
  });
  const stay = document.createElement('button');
  stay.type = 'button';
  stay.className = 'btn btn-default btn-sm';
  stay.textContent = '继续填写';
  stay.addEventListener('click', () => bar.remove());
  bar.append(words, discard, stay);
  const footer = dialog.querySelector('.modal-footer');
  if (footer) footer.prepend(bar);
  else dialog.appendChild(bar);
  stay.focus();
}

function holdIfFilled(event) {
  if (discarding || !filledStartDialog()) return;
  event.stopImmediatePropagation();
  event.preventDefault();
  askBeforeDiscarding();
}

window.addEventListener('keydown', event => {
  if (event.key === 'Escape' && document.querySelector('.modal.in')) holdIfFilled(event);
}, true);

window.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target : null;
  const beside = target && target.classList.contains('modal') && target.classList.contains('in');
  const close = target && closeButton() && closeButton().contains(target);
  if (beside || close) holdIfFilled(event);
}, true);

// ---- the unit of a start form ------------------------------------------------------------------------------------

let myUnits = null;

async function units() {
  if (!myUnits) {
    myUnits = (async () => {
      const me = await fetch(document.querySelector('base').getAttribute('admin-api') + 'auth/user/default',
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const user = me.ok ? await me.json() : {};
      if (!user.userId) return [];
      const groups = await fetch(`${engineApi()}/group?member=${encodeURIComponent(user.userId)}`,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      return groups.ok ? (await groups.json()).filter(group => group.id.startsWith('unit-')) : [];
    })().catch(() => { myUnits = null; return []; });
  }
  return myUnits;
}

async function settleUnitField(input) {
  input.dataset.caseDeskUnit = 'done';
  const field = input.closest('.fjs-form-field') || input.parentElement;
  const mine = await units();
  if (mine.length <= 1) {
    field.classList.add('case-desk-hidden');
    return;
  }
  const select = document.createElement('select');
  select.className = 'fjs-select case-desk-unit';
  select.appendChild(new Option('请选择代表哪个单位', ''));
  mine.forEach(unit => select.appendChild(new Option(unit.name, unit.id, false, unit.id === input.value)));
  select.addEventListener('change', () => {
    input.value = select.value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  input.classList.add('case-desk-hidden');
  input.after(select);
}

new MutationObserver(() => document.querySelectorAll('input[id$="Field_unitGroup"]:not([data-case-desk-unit])')
  .forEach(input => settleUnitField(input))).observe(document.documentElement, { childList: true, subtree: true });

// customScripts modules may export Camunda plugins; this one exports none.
export default [];
