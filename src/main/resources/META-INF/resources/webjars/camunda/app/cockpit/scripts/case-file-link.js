/*
 * 容错纠错: a button 案卷 on Cockpit's process instance page, opening the case's file in the registry pages
 * (<context>/registry/case.html: facts, every step with who and when, opinions, decision, notices, documents).
 * The case file is found by the instance's id (a 一事一议 deliberation's file is its case's).
 */

function contextPath() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

function instanceId(data) {
  if (data && data.processInstanceId) return data.processInstanceId;
  if (data && data.processInstance && data.processInstance.id) return data.processInstance.id;
  return (/#\/process-instance\/([^/?]+)/.exec(window.location.hash) || [])[1];
}

export default [{
  id: 'case-file-link',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 50,
  render: (node, data) => {
    const id = instanceId(data);
    const link = document.createElement('a');
    link.className = 'btn btn-default action-button case-file-link';
    link.href = contextPath() + '/registry/case.html?q=' + encodeURIComponent(id || '');
    link.target = '_blank';
    link.rel = 'noopener';
    link.title = '在登记查询中查阅本事项的案卷（事实、办理过程、意见、决定、通知和材料）';
    link.textContent = '案卷';
    node.replaceChildren(link);
  }
}];
