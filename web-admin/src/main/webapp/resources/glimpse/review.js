/* The review queue's keyboard: every action has a key, and the keys that are letters do nothing
   while the reviewer types in a field (Ctrl+Enter and Escape work everywhere).

     Ctrl+Enter  approve (saves the edit when the text was changed)
     E           edit the text          R  reject and requeue
     S or J      skip to the next item  K  back to the previous item
     ?           show the shortcuts     Escape  leave the field, or close the shortcuts */
var glimpseReview = (function () {
  var ACTIONS = {
    e: function () { focus('form:text'); },
    r: function () { click('form:reject'); },
    s: function () { click('form:skip'); },
    j: function () { click('form:skip'); },
    k: function () { click('form:previous'); }
  };

  function click(id) {
    var button = document.getElementById(id);
    if (button && !button.disabled) {
      button.click();
    }
  }

  function focus(id) {
    var field = document.getElementById(id);
    if (field) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }

  function typing(target) {
    var tag = target.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable
      || (tag === 'INPUT' && target.type !== 'checkbox' && target.type !== 'radio'
          && target.type !== 'button' && target.type !== 'submit');
  }

  function shortcuts() {
    return PrimeFaces.widgets.shortcuts;
  }

  function onKey(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      click('form:approve');
      return;
    }
    if (event.key === 'Escape') {
      if (shortcuts() && shortcuts().isVisible()) {
        shortcuts().hide();
      } else if (typing(event.target)) {
        event.target.blur();
      }
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === '?') {
      event.preventDefault();
      if (shortcuts()) {
        shortcuts().show();
      }
      return;
    }
    var action = ACTIONS[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  /* Shows how long the text is against its soft limit; past it, the count says so in words. */
  function count() {
    var field = document.getElementById('form:text');
    var counter = document.getElementById('char-count');
    if (!field || !counter) {
      return;
    }
    var limit = parseInt(counter.getAttribute('data-limit'), 10);
    var length = field.value.length;
    counter.textContent = length + ' of ' + limit + ' characters'
      + (length > limit ? ' — longer than the soft limit' : '');
    counter.classList.toggle('over-limit', length > limit);
  }

  document.addEventListener('keydown', onKey);
  document.addEventListener('click', function (event) {
    if (event.target.closest('.shortcuts-button') && shortcuts()) {
      shortcuts().show();
    }
  });
  document.addEventListener('input', function (event) {
    if (event.target.id === 'form:text') {
      count();
    }
  });

  return {
    /* After an action re-rendered the item: count its text and put the focus on the item. */
    itemShown: function (data) {
      if (data && data.status && data.status !== 'success') {
        return;
      }
      count();
      var heading = document.getElementById('review-item-heading');
      if (heading) {
        heading.focus();
      }
    },
    count: count,

    /* The queue changed (or the live channel opened): with an item on screen only the queue is
       read again, so that what the reviewer typed stays; otherwise the first waiting item loads. */
    queueChanged: function () {
      if (document.getElementById('form:text')) {
        refreshQueue();
      } else {
        refreshItem();
      }
    }
  };
})();
document.addEventListener('DOMContentLoaded', glimpseReview.count);
/* In case a live message was lost on the way, the queue is read again now and then. */
window.setInterval(function () {
  if (document.visibilityState === 'visible') {
    glimpseReview.queueChanged();
  }
}, 20000);
