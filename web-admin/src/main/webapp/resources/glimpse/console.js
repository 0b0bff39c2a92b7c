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
  }
};
