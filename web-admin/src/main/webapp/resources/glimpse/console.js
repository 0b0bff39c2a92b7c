var glimpse = {
  /* Tells screen-reader users, through the page's polite live region, that a live update
     re-rendered the list. The region is emptied first so that the same words are announced again
     next time. */
  announceListUpdate: function (data) {
    if (data.status !== 'success') {
      return;
    }
    var region = document.getElementById('announcer');
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = 'List updated';
    }, 100);
  },

  /* The live socket opened. The first time the page is as fresh as its rendering; when the socket
     reopens after a break, the list is read again so that changes made meanwhile show. */
  opened: false,
  reopened: function () {
    var refresh = document.getElementById('form:refresh');
    if (glimpse.opened && refresh) {
      refresh.click();
    }
    glimpse.opened = true;
  },

  /* The dashboard's figures changed, or the live socket (re)opened: they are read again at once,
     or a second after the last reading, so that a burst of changes makes at most one request a
     second; a change during a reading makes one more after it. */
  dashboardLast: 0,
  dashboardDue: null,
  dashboardAgain: false,
  dashboardChanged: function () {
    if (glimpse.dashboardDue) {
      glimpse.dashboardAgain = true;
      return;
    }
    var wait = Math.max(0, glimpse.dashboardLast + 1000 - Date.now());
    glimpse.dashboardDue = window.setTimeout(function () {
      glimpse.dashboardLast = Date.now();
      glimpseRefreshDashboard();
    }, wait);
  },
  dashboardRefreshed: function () {
    glimpse.dashboardDue = null;
    if (glimpse.dashboardAgain) {
      glimpse.dashboardAgain = false;
      glimpse.dashboardChanged();
    }
  },

  /* Shows a chart's figures as a table, or the chart again. The choice is kept on the section,
     which live updates leave in place. */
  toggleTable: function (button) {
    var section = button.closest('.chart-section');
    var table = section.classList.toggle('show-table');
    button.setAttribute('aria-expanded', table ? 'true' : 'false');
    button.textContent = table ? 'Show as chart' : 'Show as table';
  }
};
