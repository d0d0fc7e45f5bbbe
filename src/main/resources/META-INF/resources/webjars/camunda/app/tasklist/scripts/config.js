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

// SLA Desk: the task lists are worked earliest due first, then highest priority. Tasklist sorts by what its
// address says (the sort header shows it) and falls back to "Created" when it says nothing; our filters carry no
// order of their own, so this default is the one order the list has and the header names it. A sorting the user
// picks in the header replaces it.
(function sortEarliestDueFirst() {
  var sorting = 'sorting=' + encodeURIComponent(JSON.stringify([
    { sortBy: 'dueDate', sortOrder: 'asc' },
    { sortBy: 'priority', sortOrder: 'desc' }
  ]));
  function withDefaultSorting() {
    var hash = window.location.hash || '';
    var route = hash.replace(/^#/, '') || '/';
    // only the task list's own route (/?filter=…&task=…), whenever it is entered without a sorting: at load,
    // after the login, from a link
    if (hash.indexOf('sorting=') >= 0 || !/^\/(\?|$)/.test(route)) {
      return;
    }
    window.location.replace('#' + route + (route.indexOf('?') >= 0 ? '&' : '?') + sorting);
  }
  withDefaultSorting();
  // before Tasklist's own listeners (this file loads before it starts): a browser fires popstate, then hashchange
  window.addEventListener('popstate', withDefaultSorting);
  window.addEventListener('hashchange', withDefaultSorting);
})();

export default {
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
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
