// Renders the "Sources and method" table from web/params.json (generated from `cp_run --list-params` by scripts/stage-dist), in the page's language.
(function () {
  'use strict';
  var box = document.getElementById('param-table');
  if (!box || new URLSearchParams(location.search).get('embed') === '1') return;
  var I = window.ComputePovertyI18n;
  var zh = false;
  // The catalogue's string in Chinese (web/i18n.js), else the English given.
  function t(key, en) { return I ? I.t(key, en) : en; }
  var fill = I.fill;

  function fmt(x) {
    if (typeof x !== 'number' || !isFinite(x)) return String(x);
    var ax = Math.abs(x);
    if (ax !== 0 && (ax >= 1e6 || ax < 1e-3)) {
      var exp = Math.floor(Math.log10(ax));
      return (x / Math.pow(10, exp)).toFixed(1).replace(/\.0$/, '') + ' \u00d7 10^' + exp;
    }
    return x.toLocaleString('en-US', {maximumFractionDigits: 3});
  }
  // Chinese counts in 万, 亿, 万亿 (GLOSSARY.md): 216000 -> 21.6 万; a space between digits and Chinese.
  function fmtZh(x) {
    var d = [[1e12, '\u4e07\u4ebf'], [1e8, '\u4ebf'], [1e4, '\u4e07']].filter(function (d) { return Math.abs(x) >= d[0]; })[0];
    return d ? +(x / d[0]).toFixed(2) + ' ' + d[1] : Math.abs(x) >= 1e3 ? String(x) : fmt(x);
  }
  function spaced(s) { return s.replace(/([0-9A-Za-z%])(?=[\u3400-\u9fff])|([\u3400-\u9fff])(?=[0-9A-Za-z])/g, '$1$2 '); }
  // A value with its unit as a reader says it: 75%, 2%/yr, 4.5×, 1.4×/yr, 100 days.
  function value(p, x, bare) {
    var u = p.unit || '';
    var share = /^share/.test(u);
    if (zh) {
      var n = u === 'FLOP' ? fmt(x) : fmtZh(share ? x * 100 : /^USD bn/.test(u) ? x * 1e9 : x);
      return bare || !u ? n + (share ? '%' : '') : fill(t('page.params.unit.' + u.toLowerCase().replace(/[^a-z0-9]+/g, '_'), '{n} ' + u), {n: n});
    }
    if (share) return fmt(x * 100) + '%' + (u === 'share/yr' && !bare ? ' a year' : '');
    if (u === 'x' || u === 'x/yr') return fmt(x) + '\u00d7' + (u === 'x/yr' && !bare ? ' a year' : '');
    return fmt(x) + (bare || !u ? '' : ' ' + u);
  }
  function cell(row, tag, text, cls) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (cls) c.className = cls;
    row.appendChild(c);
    return c;
  }

  var params = null, failure = null;
  function render() {
    zh = !!I && I.current() === 'zh';
    var out = zh ? spaced : String;
    if (failure) {
      var p = document.createElement('p');
      p.className = 'note';
      p.textContent = fill(t('page.params.error', 'The parameter table could not be loaded ({error}); core/README.md in the source lists it.'),
                           {error: failure});
      return box.replaceChildren(p);
    }
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    [t('page.params.head_parameter', 'Parameter'), t('page.params.head_default', 'Default (range)'),
     t('page.params.head_source', 'Source')].forEach(function (h) { cell(head, 'th', h).scope = 'col'; });
    var body = table.createTBody();
    params.forEach(function (p) {
      var row = body.insertRow();
      var name = cell(row, 'th', t('param.' + p.key + '.label', p.label));
      name.scope = 'row';
      if (p.meaning) name.title = t('param.' + p.key + '.meaning', p.meaning);
      var key = document.createElement('code');
      key.textContent = p.key;
      name.appendChild(document.createElement('br'));
      name.appendChild(key);
      var def = cell(row, 'td', out(value(p, p['default'])), 'num');
      def.setAttribute('data-label', t('page.params.label_default', 'Default'));
      var range = document.createElement('span');
      range.className = 'range';
      range.textContent = out(fill(t('page.params.range', '{min} to {max}'), {min: value(p, p.min, true), max: value(p, p.max)}));
      def.appendChild(range);
      cell(row, 'td', t('param.' + p.key + '.source', p.source || ''), 'src').setAttribute('data-label', t('page.params.head_source', 'Source'));
    });
    box.replaceChildren(table);
  }

  fetch('web/params.json', {credentials: 'same-origin'}).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }).then(function (list) {
    if (!Array.isArray(list)) throw new Error('not a list');
    params = list;
    render();
  }).catch(function (e) {
    failure = e.message;
    render();
  });
  // The reader switched language (web/i18n.js). The event comes while the page is being swapped,
  // before web/i18n.js takes the new language as current: render once it has.
  document.addEventListener('cp-language', function () {
    if (params || failure) Promise.resolve().then(render);
  });
})();
