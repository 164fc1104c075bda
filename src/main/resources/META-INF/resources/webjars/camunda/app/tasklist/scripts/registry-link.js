/*
 * 容错纠错: links 我的事项 (the cases one reported or works on) and 登记查询 in Tasklist's header to the registry pages
 * (<context>/registry/: 我的事项, 干部查询, 案卷, 统计), which use the same login.
 */

// the application's context path: Tasklist's app-root is <context>/camunda
function contextPath() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

export default [{
  id: 'registry-link',
  pluginPoint: 'tasklist.navbar.action',
  // after "新建任务" and "发起流程"
  priority: 50,
  render: node => {
    const link = (href, className, text, title) => {
      const a = document.createElement('a');
      a.href = contextPath() + href;
      a.className = className;
      a.textContent = text;
      a.title = title;
      return a;
    };
    node.replaceChildren(
      link('/registry/cases.html', 'my-cases-link', '我的事项', '您报告或办理的事项：状态、等待哪个机关、期限和结果'),
      document.createTextNode(' '),
      link('/registry/', 'registry-link', '登记查询', '干部查询、案卷和统计'));
  }
}];
