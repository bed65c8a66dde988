// Swaps the page between English and Chinese: marked strings, attributes, "Show ..." links, lang (staged as i18n/i18n-page.js; web/i18n.js loads it with the Chinese catalogue).
(function () {
  'use strict';
  var root = document.documentElement;

  // The English is kept on the elements (no fetch to go back); data-live numbers stay.
  window.ComputePovertyI18nPage = function (lang, cat) {
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
    var cur = zh ? 'zh' : 'en';
    root.lang = zh ? 'zh-Hans' : 'en';
    [].forEach.call(document.querySelectorAll('.lang-switch [data-lang]'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === cur));
    });
    root.classList.remove('cp-i18n-wait');
    if (typeof CP.refreshLive === 'function') CP.refreshLive();
    document.dispatchEvent(new CustomEvent('cp-language', {detail: cur}));
    return cur;
  };

})();
