/*
 * 容错纠错 登记查询: what every registry page shares. The pages read the registry API (/api) with the login of the
 * webapps (the same session as Tasklist); a page whose reader is not logged in shows the login form, which logs in
 * exactly as Tasklist's does (with the session's CSRF token) and then shows the page.
 *
 * Everything the API answers is the users' words: it is put into the page as text (h() builds DOM nodes with
 * text nodes), never as markup.
 */
'use strict';

const Registry = (() => {
  // the pages live in <context>/registry/, the APIs next to them
  const root = new URL('..', document.baseURI).pathname;
  const authApi = root + 'camunda/api/admin/auth/user/default';

  /** An element with attributes (on… handlers as functions) and children (strings become text). */
  function h(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat(Infinity).filter(child => child !== null && child !== undefined && child !== false).forEach(child =>
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  // The session's CSRF token: Camunda hands it out in the X-XSRF-TOKEN header of the first answer of a session
  // (its cookie is for /camunda only), and the login must carry it.
  let sessionToken = null;

  function remember(response) {
    sessionToken = response.headers.get('X-XSRF-TOKEN') || sessionToken;
    return response;
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * A call of the API as the logged-in user: a GET, or a POST of the form data given; the JSON answer, or an
   * ApiError with the server's message.
   */
  async function api(path, formData) {
    const response = remember(await fetch(root + path.replace(/^\//, ''), {
      method: formData ? 'POST' : 'GET',
      body: formData,
      credentials: 'same-origin',
      headers: Object.assign({ Accept: 'application/json' }, sessionToken ? { 'X-XSRF-TOKEN': sessionToken } : {})
    }));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (response.status === 401) {
      showLogin();
      throw new ApiError(401, '请先登录');
    }
    if (!response.ok) {
      throw new ApiError(response.status, (body && body.message) || `查询失败（HTTP ${response.status}）`);
    }
    return body;
  }

  /**
   * The user logged in to the webapps, or null (asked before any /api call, so no browser password dialog), with
   * the name the header shows (the user's own profile, which every user may read).
   */
  async function currentUser() {
    const response = remember(await fetch(authApi, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
    if (!response.ok) return null;
    const user = await response.json().catch(() => null);
    if (!user || !user.userId) return null;
    const profile = await fetch(root + 'camunda/api/engine/engine/default/user/' + encodeURIComponent(user.userId) + '/profile',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(r => r.ok ? r.json() : null).catch(() => null);
    user.name = profile ? [profile.firstName, profile.lastName].filter(Boolean).join(' ') : null;
    return user;
  }

  function header(user) {
    const here = location.pathname.split('/').pop() || 'index.html';
    const link = (href, text) => h('a', { href, class: here === href ? 'active' : null }, text);
    return h('header', { class: 'registry-header no-print' },
      h('a', { class: 'brand', href: 'index.html' }, '容错纠错 · 登记查询'),
      h('nav', {}, link('cases.html', '我的事项'), link('official.html', '干部查询'), link('case.html', '案卷'), link('stats.html', '统计'),
        link('rules.html', '规则预览')),
      h('span', { class: 'user' }, user ? user.name || user.userId : ''),
      h('a', { href: root + 'camunda/app/tasklist/' }, '任务列表'),
      user ? h('a', { href: '#', class: 'logout', onclick: logout }, '退出') : null);
  }

  // the webapps' logout, with the token the user's answer carried: it ends the Tasklist session too
  async function logout(event) {
    event.preventDefault();
    await fetch(authApi + '/logout', {
      method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': sessionToken || '' }
    });
    location.reload();
  }

  function showLogin() {
    const main = document.querySelector('main');
    const name = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const message = h('p', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'login', onsubmit: async event => {
      event.preventDefault();
      message.textContent = '';
      // a session that expired meanwhile gets a new token with this answer
      remember(await fetch(authApi, { credentials: 'same-origin' }));
      const response = await fetch(authApi + '/login/tasklist', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': sessionToken || '' },
        body: new URLSearchParams({ username: name.value, password: password.value })
      });
      if (response.ok) {
        location.reload();
      } else if (response.status === 429) {
        message.textContent = '登录失败次数过多，请稍后再试。';
      } else {
        message.textContent = '用户名或密码不正确。';
      }
    } },
    h('h2', {}, '请登录'),
    h('p', {}, '使用任务列表（Tasklist）的用户名和密码。'),
    h('label', {}, '用户名', name),
    h('label', {}, '密码', password),
    h('button', { type: 'submit' }, '登录'),
    message);
    main.replaceChildren(form);
    name.focus();
  }

  /** Starts a page: the header, then the page's own start(user) once someone is logged in. */
  async function page(start) {
    const user = await currentUser();
    document.body.prepend(header(user));
    if (!user) {
      showLogin();
      return;
    }
    try {
      await start(user);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        failure(document.querySelector('main'), error);
      }
    }
  }

  function failure(container, error) {
    container.appendChild(h('p', { class: 'error', role: 'alert' }, error.message || String(error)));
  }

  /** 2026-12-01T16:20:31.123+08:00 → 2026-12-01 16:20 (the time in Wuzhou, as the server gives it). */
  function when(isoDateTime) {
    return isoDateTime ? isoDateTime.substring(0, 16).replace('T', ' ') : '';
  }

  function label(code) {
    return code ? code.label : '';
  }

  /** A table: headings and rows of cells (strings or nodes). */
  function table(headings, rows, attributes) {
    return h('table', attributes || {},
      h('thead', {}, h('tr', {}, headings.map(heading => h('th', {}, heading)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map(cell => h('td', {}, cell))))));
  }

  function caseLink(query, text) {
    return h('a', { href: 'case.html?q=' + encodeURIComponent(query) }, text || query);
  }

  /** Who took note of a protection notice, and when: 组织部门：市委组织部 干部 于 2026-12-02 知悉；人社部门：尚未知悉 */
  function acknowledgements(notice) {
    return notice.acknowledgements.map(a => a.on
      ? `${label(a.department)}：${a.byName || a.by} 于 ${a.on} 知悉`
      : `${label(a.department)}：尚未知悉`).join('；');
  }

  return { h, api, page, failure, when, label, table, caseLink, acknowledgements, ApiError };
})();
