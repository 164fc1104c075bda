/*
 * 容错纠错: a link 登记查询 in Tasklist's header to the registry pages (<context>/registry/: 干部查询, 案卷, 统计),
 * which use the same login.
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
    const link = document.createElement('a');
    link.href = contextPath() + '/registry/';
    link.className = 'registry-link';
    link.textContent = '登记查询';
    link.title = '干部查询、案卷和统计';
    node.replaceChildren(link);
  }
}];
