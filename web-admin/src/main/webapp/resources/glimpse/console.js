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

  /* A task changed: the list is read again, through the page's remote command. */
  listChanged: function () {
    glimpseRefreshList();
  },

  /* Draws every chart canvas not drawn yet, from the Chart.js configuration in its data-config
     (charts are drawn here rather than by inline scripts, which the Content Security Policy
     forbids). */
  drawCharts: function () {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('canvas.glimpse-chart').forEach(function (canvas) {
      if (!canvas.glimpseChart) {
        canvas.glimpseChart = new Chart(canvas, JSON.parse(canvas.dataset.config));
      }
    });
  },

  /* Lets go of the charts of canvases a live update took out of the page. */
  forgetCharts: function (node) {
    if (!node.querySelectorAll) {
      return;
    }
    var canvases = node.matches('canvas.glimpse-chart')
      ? [node] : Array.from(node.querySelectorAll('canvas.glimpse-chart'));
    canvases.forEach(function (canvas) {
      if (canvas.glimpseChart) {
        canvas.glimpseChart.destroy();
        canvas.glimpseChart = null;
      }
    });
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

/* The buttons of the pages' own markup are wired here: the Content Security Policy allows no
   inline handlers. */
document.addEventListener('click', function (event) {
  var toggle = event.target.closest('.table-toggle');
  if (toggle) {
    glimpse.toggleTable(toggle);
  }
});

/* Charts are drawn when the page has loaded and whenever a live update brings new ones. */
document.addEventListener('DOMContentLoaded', function () {
  if (!document.querySelector('canvas.glimpse-chart')) {
    return;
  }
  glimpse.drawCharts();
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.removedNodes.forEach(glimpse.forgetCharts);
    });
    glimpse.drawCharts();
  }).observe(document.body, {childList: true, subtree: true});
});
