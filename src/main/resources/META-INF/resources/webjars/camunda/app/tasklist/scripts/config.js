/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // 容错纠错: the header shows "<vendor> <name>" (cam-widget-header: getAppVendor() + ' ' + getAppName());
  // vendor must be non-empty, otherwise the webapp falls back to 'Camunda'.
  app: {
    name: '任务列表',
    vendor: '容错纠错工作平台'
  },
  // 容错纠错: Simplified Chinese by default. A browser whose first language is zh-* gets 'zh',
  // one whose first language is en-* gets 'en', any other language falls back to 'zh'.
  // zh.json lives next to the webjar's en.json in ../locales/ (this copy shadows the webjar's config.js).
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // 容错纠错: Camunda Forms (form-js) print a few English texts of their own ("Field is required.", "Select",
  // "Search", the date picker's month names); form-js-zh.js shows them in Chinese when Tasklist shows Chinese.
  // case-documents.js adds the 材料 tab to every task; create-task-permission.js shows "新建任务" only to those
  // who may create tasks; registry-link.js adds 我的事项 and 登记查询 (the registry pages, /registry/) to the header;
  // case-desk.js lets the search find a case by 事项编号, unit or official, confirms starts (with the 事项编号), claims
  // and completions, counts every filter's tasks and asks before the start dialog discards a filled form.
  customScripts: ['scripts/form-js-zh', 'scripts/case-documents', 'scripts/create-task-permission', 'scripts/registry-link',
    'scripts/case-desk', '../shared/webapp-texts'],
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '签收当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
