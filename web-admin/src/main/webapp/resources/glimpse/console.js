/* Tells screen-reader users, through the page's polite live region, that a live update re-rendered
   the list. The region is emptied first so that the same words are announced again next time. */
var glimpse = {
  announceListUpdate: function (data) {
    if (data.status !== 'success') {
      return;
    }
    var region = document.getElementById('announcer');
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = 'List updated';
    }, 100);
  }
};
