/*! Waypoint embed loader. Paste two lines into a page:
 *   <div data-waypoint data-view="directory" data-states="CA"></div>
 *   <script src="https://WAYPOINT-HOST/embed.js" async></script>
 * Each [data-waypoint] element becomes a sandboxed, cross-origin iframe of
 * the Waypoint site in embed mode: nothing typed there is readable from the
 * page around it. This file makes no request, stores nothing and sets only
 * the iframe's own style. README: "For partners: embedding Waypoint". */
(function () {
  'use strict';
  var me = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  if (!me) return;
  var base = new URL(me.src, location.href);
  var origin = base.origin;
  var frames = [];
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox ' +
    'allow-top-navigation-by-user-activation allow-top-navigation-to-custom-protocols';

  // "CA, nv" -> "CA,nv"; codes are letters, digits and hyphens only.
  function list(v) {
    return (v || '').split(/[\s,]+/).filter(function (c) { return /^[\w-]{1,40}$/.test(c); }).join(',');
  }

  // Any CSS colour -> "rrggbb", resolved by the browser on our own iframe.
  function hex(v, frame) {
    v = (v || '').trim();
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
    if (m) {
      m = m[1];
      return (m.length === 3 ? m.replace(/./g, '$&$&') : m).toLowerCase();
    }
    if (!v) return '';
    frame.style.color = '';
    frame.style.color = v;
    m = frame.style.color && /(\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(frame).color);
    frame.style.color = '';
    return m ? m.slice(1).map(function (n) { return (+n | 256).toString(16).slice(1); }).join('') : '';
  }

  function mount(el) {
    if (el.getAttribute('data-waypoint') === 'ready') return;
    el.setAttribute('data-waypoint', 'ready');
    var d = el.dataset;
    var css = getComputedStyle(el);
    var f = document.createElement('iframe');
    f.setAttribute('sandbox', SANDBOX);
    f.setAttribute('allow', '');
    f.setAttribute('referrerpolicy', 'no-referrer');
    f.setAttribute('loading', 'eager');
    f.title = d.title || 'Help and services directory';
    var s = f.style;
    s.display = 'block';
    s.width = '100%';
    s.border = '0';
    s.minHeight = '480px';
    el.textContent = '';
    el.appendChild(f);
    var q = { embed: '1', parent: location.origin };
    var view = d.view;
    if (/^(directory|guide|both)$/.test(view)) q.view = view;
    ['states', 'domains', 'services', 'populations'].forEach(function (k) {
      var v = list(d[k]);
      if (v) q[k] = v;
    });
    if (/^[a-z]{2,3}$/i.test(d.lang || '')) q.lang = d.lang.toLowerCase();
    var accent = hex(d.accent || css.getPropertyValue('--waypoint-accent'), f);
    var ink = hex(d.accentInk || css.getPropertyValue('--waypoint-accent-ink'), f);
    if (accent) q.accent = accent;
    if (ink) q.accent_ink = ink;
    try {
      var exit = d.exit && new URL(d.exit, location.href);
      if (exit && /^https?:$/.test(exit.protocol)) q.exit = exit.href;
    } catch (e) { /* not a URL: the site's own exit is used */ }
    var src = origin + '/?' + Object.keys(q).map(function (k) {
      return k + '=' + encodeURIComponent(q[k]).replace(/%2C/g, ',');
    }).join('&');
    f.src = src;
    frames.push(f);
  }

  function scan(root) {
    if (root.querySelectorAll) {
      if (root.matches && root.matches('[data-waypoint]')) mount(root);
      Array.prototype.forEach.call(root.querySelectorAll('[data-waypoint]'), mount);
    }
  }

  // Only the widget's own frame, from the Waypoint origin, may set its height.
  addEventListener('message', function (e) {
    var m = e.data;
    if (e.origin !== origin || !m || m.type !== 'waypoint:height' || typeof m.height !== 'number' || !(m.height >= 0)) return;
    frames = frames.filter(function (f) { return f.isConnected; });
    frames.forEach(function (f) {
      if (f.contentWindow === e.source) f.style.height = Math.round(Math.min(20000, Math.max(300, m.height))) + 'px';
    });
  });

  scan(document);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(document); });
  // Placeholders a page adds later (single-page sites, the partners page preview).
  new MutationObserver(function (records) {
    records.forEach(function (r) { Array.prototype.forEach.call(r.addedNodes, scan); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
