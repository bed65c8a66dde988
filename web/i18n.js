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

  // "{name}" placeholders filled from args; one without an argument stays as written. Every page
  // script fills its strings with this one.
  function fill(text, args) { return text.replace(/\{(\w+)\}/g, function (m, k) { return k in args ? args[k] : m; }); }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.src = src;
      el.onload = resolve;
      el.onerror = function () { reject(new Error(src + ' missing')); };
      document.head.appendChild(el);
    });
  }

  function load(lang) {
    if (lang !== 'zh') return Promise.resolve(null);
    return loading || (loading = Promise.all([
      fetch('i18n/zh-Hans.page.json', {credentials: 'same-origin'}).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      }),
      window.ComputePovertyI18nPage ? null : script('i18n/i18n-page.js')
    ]).then(function (r) { cat = r[0]; return cat; }, function (e) { loading = null; throw e; }));
  }

  // Swaps the page's strings: i18n/i18n-page.js (web/i18n-page.js), fetched with the catalogue, so the
  // English page carries none of it. Before any Chinese the page is English and has nothing to swap.
  function applyPage(lang) {
    var swap = window.ComputePovertyI18nPage;
    if (swap) cur = swap(lang, cat);
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
    requested: requested, current: function () { return cur; }, t: t, fill: fill, load: load, applyPage: applyPage, choose: choose
  };
})();
