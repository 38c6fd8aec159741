/* Course and lesson pages, for phones on slow networks:
   1. "Save for offline reading": caches one course for the service worker.
   2. "Mark as done" while offline: queued, sent when the connection returns.
   3. Videos: the YouTube player loads only when the link is tapped.
   Progressive enhancement: without JavaScript the pages work as plain links
   and forms. Interface text comes from data- attributes that Django renders
   through its translations. */
(function () {
  'use strict';

  var PREFIX = 'pkk-course-';
  var QUEUE = 'pkk-done-queue';
  var script = document.currentScript;

  /* --- 3. Videos --------------------------------------------------------- */
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-video-id]');
    if (!link || event.button || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var frame = document.createElement('iframe');
    frame.src = 'https://www.youtube-nocookie.com/embed/' +
      encodeURIComponent(link.dataset.videoId) + '?autoplay=1';
    frame.title = link.dataset.videoTitle || '';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.className = 'video-frame';
    link.replaceWith(frame);
  });

  /* --- 1. Save a course for offline reading ------------------------------ */
  function absolute(url) { return new URL(url, location.href).href.split('#')[0]; }

  // The layout's own files (stylesheet, this script, icons, logo): every page needs them.
  function layoutFiles() {
    var found = document.querySelectorAll(
      'link[rel~="stylesheet"][href], link[rel~="icon"][href], script[src], .site-header img[src]');
    return Array.prototype.map.call(found, function (el) { return absolute(el.href || el.src); })
      .filter(function (url) { return url.indexOf(location.origin + '/') === 0; });
  }

  function setUpSaving(box) {
    var save = box.querySelector('[data-offline-save]');
    var remove = box.querySelector('[data-offline-remove]');
    var status = box.querySelector('[data-offline-status]');
    var name = PREFIX + box.dataset.course;

    function show(saved, text, focus) {
      save.hidden = saved;
      save.disabled = false;
      remove.hidden = !saved;
      status.textContent = text || '';
      if (focus) (saved ? remove : save).focus(); // the tapped button may have gone
    }

    save.addEventListener('click', async function () {
      var had = await caches.has(name);
      save.disabled = true;
      try {
        await navigator.serviceWorker.register(box.dataset.worker);
        var reply = await fetch(box.dataset.manifest, { credentials: 'same-origin' });
        if (!reply.ok) throw new Error(reply.status);
        var list = await reply.json();
        var urls = Array.from(new Set(
          list.pages.concat(list.images).map(absolute).concat(layoutFiles())));
        var cache = await caches.open(name);
        // One at a time: kinder to a slow network, and the count stays honest.
        for (var i = 0; i < urls.length; i++) {
          status.textContent = box.dataset.saving.replace('{done}', i).replace('{total}', urls.length);
          var response = await fetch(urls[i], { credentials: 'same-origin' });
          if (!response.ok || response.redirected) throw new Error(urls[i]);
          await cache.put(urls[i], response);
        }
        await navigator.serviceWorker.ready;
        show(true, box.dataset.saved, true);
      } catch (error) {
        if (!had) await caches.delete(name);
        show(had, box.dataset.failed, true);
      }
    });

    remove.addEventListener('click', async function () {
      await caches.delete(name);
      var left = (await caches.keys()).some(function (key) { return key.indexOf(PREFIX) === 0; });
      if (!left) {
        var registration = await navigator.serviceWorker.getRegistration(box.dataset.worker);
        if (registration) await registration.unregister();
      }
      show(false, box.dataset.removed, true);
    });

    caches.has(name).then(function (saved) {
      show(saved, saved ? box.dataset.saved : '');
      box.hidden = false;
    });
  }

  var box = document.querySelector('[data-offline]');
  if (box && 'serviceWorker' in navigator && window.caches) setUpSaving(box);

  /* --- 2. "Mark as done" while offline ----------------------------------- */
  function queued() {
    try { return JSON.parse(localStorage.getItem(QUEUE)) || []; } catch (error) { return []; }
  }

  function keep(items) {
    if (items.length) localStorage.setItem(QUEUE, JSON.stringify(items));
    else localStorage.removeItem(QUEUE);
  }

  var form = document.querySelector('form[data-done-form]');
  var doneStatus = form && form.querySelector('[data-done-status]');

  function tell(text) {
    form.querySelector('button').hidden = true;
    doneStatus.textContent = text;
    doneStatus.hidden = false;
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      if (navigator.onLine) return; // online: the ordinary form post
      event.preventDefault();
      var items = queued().filter(function (item) { return item.url !== form.action; });
      items.push({
        url: form.action,
        page: location.pathname,
        token: form.elements.csrfmiddlewaretoken.value,
      });
      keep(items);
      tell(form.dataset.queued);
    });
    if (queued().some(function (item) { return item.url === form.action; })) {
      tell(form.dataset.queued);
    }
  }

  function post(item, token) {
    return fetch(item.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRFToken': token },
      body: new URLSearchParams({ csrfmiddlewaretoken: token }),
    });
  }

  // true: done (or can never succeed), so drop it; false: try again later.
  async function send(item) {
    var response = await post(item, item.token);
    if (response.status === 403) {
      // The saved page's token is stale (e.g. signed in again since): fetch a fresh one.
      var html = await (await fetch(item.page, { credentials: 'same-origin' })).text();
      var fresh = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html);
      if (fresh) response = await post(item, fresh[1]);
    }
    var login = script && script.dataset.loginUrl;
    if (login && new URL(response.url).pathname === login) return false; // signed out
    return response.status < 500;
  }

  var sending = false;
  async function replay() {
    if (sending || !navigator.onLine) return;
    sending = true;
    try {
      for (var item of queued()) {
        var sent = false;
        try { sent = await send(item); } catch (error) { break; } // offline again
        if (!sent) continue;
        keep(queued().filter(function (other) { return other.url !== item.url; }));
        if (form && item.url === form.action) tell(form.dataset.sent);
      }
    } finally {
      sending = false;
    }
  }

  window.addEventListener('online', replay);
  replay();
})();
