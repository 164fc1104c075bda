/*
 * 容错纠错: the 材料 tab of a task in Tasklist. It lists the documents of the task's case (情况说明, 整改方案,
 * 备案方案…), downloads them and, while the case is open, attaches more, through the registry API
 * (GET/POST /api/cases/{processInstanceId}/documents, GET /api/documents/{id}) with the Tasklist login; an upload
 * carries the webapp's CSRF token, as Tasklist's own requests do. Who may see and attach (those who see the case)
 * and which files are accepted is decided by the server; the tab shows what it answers, in Chinese.
 *
 * Built with DOM nodes and textContent only: titles and file names are the users' words, never markup.
 */

// the application's context path: Tasklist's app-root is <context>/camunda
function contextPath() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

function csrfToken(api) {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(child => child !== null && child !== undefined).forEach(child =>
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

function size(bytes) {
  if (bytes >= 1024 * 1024) {
    const megabytes = bytes / 1024 / 1024;
    return (Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)) + ' MB';
  }
  return Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

// 2026-12-01T16:20:31.123+08:00 → 2026-12-01 16:20 (the time in Wuzhou, as the server gives it)
function when(isoDateTime) {
  return isoDateTime ? isoDateTime.substring(0, 16).replace('T', ' ') : '';
}

async function json(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

async function load(api, taskId) {
  const taskResponse = await fetch(`${api.engineApi}/task/${encodeURIComponent(taskId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!taskResponse.ok) {
    return { message: '无法读取任务，请刷新页面后重试。' };
  }
  const task = await taskResponse.json();
  if (!task.processInstanceId) {
    return { message: '此任务不属于任何案件，没有材料。' };
  }
  const response = await fetch(`${contextPath()}/api/cases/${encodeURIComponent(task.processInstanceId)}/documents`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await json(response);
  return response.ok ? { task, documents: body } : { message: body.message || `无法读取材料（${response.status}）` };
}

function table(documents) {
  if (!documents.items.length) {
    return element('p', { class: 'empty' }, '本案件还没有材料。');
  }
  // a 文书 the system issued (认定意见书, 回执, 通知书) also opens as PDF in the browser, to read or print
  const rows = documents.items.map(item => element('tr', { 'data-document-id': item.id },
    element('td', {}, element('a', { href: contextPath() + item.href, download: item.fileName, class: 'download' },
      item.title), ...(item.issuedAs ? [element('a', { href: contextPath() + item.href + '?inline=true',
      target: '_blank', rel: 'noopener', class: 'open-pdf' }, '打开 PDF')] : [])),
    element('td', {}, item.fileName),
    element('td', {}, item.typeLabel),
    element('td', {}, size(item.size)),
    element('td', {}, item.uploadedByName || item.uploadedBy),
    element('td', {}, when(item.uploadedAt)),
    element('td', {}, item.taskName || (item.issuedAs ? '系统制发' : ''))));
  return element('table', { class: 'table table-condensed' },
    element('thead', {}, element('tr', {}, ...['材料名称', '文件', '类型', '大小', '上传人', '上传时间', '办理环节']
      .map(label => element('th', {}, label)))),
    element('tbody', {}, ...rows));
}

function uploadForm(api, task, documents, reload) {
  // the browser's own file button speaks the browser's language: a Chinese one in its place
  const file = element('input', { type: 'file', name: 'file', class: 'sr-only' });
  const chosenName = element('span', { class: 'chosen' }, '未选择文件');
  file.addEventListener('change', () => {
    chosenName.textContent = file.files[0] ? file.files[0].name : '未选择文件';
  });
  const chooser = element('label', { class: 'btn btn-default' }, file, '选择文件…');
  const title = element('input', { type: 'text', name: 'title', maxlength: '200', class: 'form-control',
    placeholder: '材料名称（可不填，默认为文件名）' });
  const button = element('button', { type: 'submit', class: 'btn btn-primary' }, '上传');
  const message = element('p', { class: 'message', role: 'status' });
  const form = element('form', { class: 'upload' },
    element('p', { class: 'help-block' }, `可上传 ${documents.accepted}，单个文件不超过 ${size(documents.maxSize)}；` +
      '材料一经上传即随案件保存，不能删除。'),
    chooser, chosenName, title, button, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      message.textContent = '请先选择文件。';
      return;
    }
    if (chosen.size > documents.maxSize) {
      message.textContent = `「${chosen.name}」超过 ${size(documents.maxSize)}，不能上传；请压缩或拆分后分别上传。`;
      return;
    }
    const data = new FormData();
    data.append('file', chosen);
    if (title.value.trim()) {
      data.append('title', title.value.trim());
    }
    data.append('taskId', task.id);
    button.disabled = true;
    message.textContent = '正在上传…';
    try {
      const response = await fetch(`${contextPath()}/api/cases/${encodeURIComponent(task.processInstanceId)}/documents`,
        { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken(api), Accept: 'application/json' },
          body: data });
      const body = await json(response);
      if (response.ok) {
        await reload(`已上传：${body.title}`);
      } else {
        message.textContent = body.message || `上传失败（${response.status}）`;
      }
    } catch (e) {
      message.textContent = '上传失败：网络中断，请重试。';
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function show(node, api, taskId, notice) {
  const loaded = await load(api, taskId);
  const content = element('div', { class: 'case-documents' });
  if (loaded.message) {
    content.appendChild(element('p', { class: 'message' }, loaded.message));
  } else {
    content.appendChild(table(loaded.documents));
    if (loaded.documents.mayAttach) {
      const reload = text => show(node, api, taskId, text);
      content.appendChild(uploadForm(api, loaded.task, loaded.documents, reload));
    } else {
      content.appendChild(element('p', { class: 'help-block' }, '案件已办结，不能再添加材料。'));
    }
    if (notice) {
      content.appendChild(element('p', { class: 'notice' }, notice));
    }
  }
  node.replaceChildren(content);
}

export default [{
  id: 'case-documents',
  pluginPoint: 'tasklist.task.detail',
  // between the form (1000) and the history (800)
  priority: 900,
  properties: { label: '材料' },
  render: (node, { api, taskId }) => {
    node.replaceChildren(element('p', { class: 'case-documents-loading' }, '正在加载材料…'));
    show(node, api, taskId).catch(() => {
      node.replaceChildren(element('p', { class: 'message' }, '无法读取材料，请刷新页面后重试。'));
    });
  }
}];
