// The page's language: lang=zh in the link shows the Chinese page (i18n/zh-Hans.page.json); the English is inline in index.html.
(function () {
  'use strict';
  var root = document.documentElement;
  var ZH = /(^|[?#&])lang=zh(-hans)?(&|$)/i;
  var cat = null, loading = null, cur = 'en';

  // The link decides, never the browser.
  function requested() { return ZH.test(location.hash) || ZH.test(location.search) ? 'zh' : 'en'; }

  function t(key, en) {
    return cur === 'zh' && typeof cat[key] === 'string' ? cat[key] : (en === undefined ? key : en);
  }

  function load(lang) {
    if (lang !== 'zh') return Promise.resolve(null);
    return loading || (loading = fetch('i18n/zh-Hans.page.json', {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (c) { cat = c; return c; }, function (e) { loading = null; throw e; }));
  }

  // Swaps the marked strings (the English is kept: no fetch) and the "Show ..." links; data-live numbers stay.
  function applyPage(lang) {
    var zh = lang === 'zh' && !!cat;
    var CP = window.ComputePoverty || {};
    var pick = function (key, en) { return zh && typeof cat[key] === 'string' ? cat[key] : en; };
    [].forEach.call(document.querySelectorAll('[data-i18n],[data-i18n-attr]'), function (el) {
      var key = el.getAttribute('data-i18n');
      var o = el.cpEn || (el.cpEn = {html: key && el.innerHTML, attrs: {}});
      var v = key && pick(key, o.html);
      if (key && el.innerHTML !== v) {
        var live = {};
        [].forEach.call(el.querySelectorAll('[data-live]'), function (s) { live[s.getAttribute('data-live')] = s.textContent; });
        el.innerHTML = v;
        [].forEach.call(CP.last ? el.querySelectorAll('[data-live]') : [], function (s) {
          var name = s.getAttribute('data-live');
          if (name in live) s.textContent = live[name];
        });
      }
      (el.getAttribute('data-i18n-attr') || '').split(';').forEach(function (spec) {
        var a = spec.split(':');
        if (a.length !== 2) return;
        if (!(a[0] in o.attrs)) o.attrs[a[0]] = el.getAttribute(a[0]);
        el.setAttribute(a[0], pick(a[1], o.attrs[a[0]]));
      });
    });
    [].forEach.call(document.querySelectorAll('[data-permalink]'), function (b) {
      if (b.cpLink === undefined) b.cpLink = b.getAttribute('data-permalink');
      b.setAttribute('data-permalink', b.cpLink + (zh ? '&lang=zh' : ''));
    });
    cur = zh ? 'zh' : 'en';
    root.lang = zh ? 'zh-Hans' : 'en';
    [].forEach.call(document.querySelectorAll('.lang-switch [data-lang]'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === cur));
    });
    root.classList.remove('cp-i18n-wait');
    if (typeof CP.refreshLive === 'function') CP.refreshLive();
    document.dispatchEvent(new CustomEvent('cp-language', {detail: cur}));
  }

  function warn(e) { console.warn('Compute Poverty: no Chinese page (' + (e && e.message) + ')'); }
  function withLang(s, lang) {
    var parts = s.split('&').filter(function (p) { return p && !/^lang=/i.test(p); });
    if (lang === 'zh') parts.push('lang=zh');
    return parts.join('&');
  }
  function writeUrl(h) {
    var q = withLang(location.search.slice(1), 'en');
    try { history.replaceState(history.state, '', location.pathname + (q && '?' + q) + (h && '#' + h)); } catch (e) { /* sandboxed */ }
  }

  // The figure writes the link (setLanguage) if it runs; else the page does.
  function choose(lang) {
    var CP = window.ComputePoverty, set = !!CP && typeof CP.setLanguage === 'function';
    if (set) {
      try { CP.setLanguage(lang); } catch (e) { set = false; console.warn(e); }
    }
    writeUrl(!set || !CP.last ? withLang(location.hash.slice(1), lang) : location.hash.slice(1));
    return load(lang).then(function () { applyPage(lang); }, warn);
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.lang-switch [data-lang]');
    if (b && b.getAttribute('data-lang') !== cur) choose(b.getAttribute('data-lang'));
  });
  window.addEventListener('hashchange', function () {
    var lang = requested();
    if (lang !== cur) load(lang).then(function () { applyPage(lang); }, warn);
  });

  // SDL's window title would replace the page's.
  var title = document.querySelector('title'), titleEn = title && title.text;
  if (title) {
    new MutationObserver(function () {
      var want = t('page.meta.title', titleEn);
      if (title.text !== want) title.text = want;
    }).observe(title, {childList: true, characterData: true, subtree: true});
  }

  // lang=zh: no flash of English (shown if the strings fail).
  if (requested() === 'zh') {
    var show = function () { root.classList.remove('cp-i18n-wait'); };
    var start = function () { if (requested() === 'zh') applyPage('zh'); };
    root.classList.add('cp-i18n-wait');
    setTimeout(show, 4000);
    load('zh').then(function () {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
      else start();
    }, function (e) { show(); warn(e); });
  }

  window.ComputePovertyI18n = {
    requested: requested, current: function () { return cur; }, t: t, load: load, applyPage: applyPage, choose: choose
  };
})();
