// Renders the "Sources and method" table from web/params.json (generated from `cp_run --list-params` by scripts/stage-dist).
(function () {
  'use strict';
  var box = document.getElementById('param-table');
  if (!box || new URLSearchParams(location.search).get('embed') === '1') return;

  function fmt(x) {
    if (typeof x !== 'number' || !isFinite(x)) return String(x);
    var ax = Math.abs(x);
    if (ax !== 0 && (ax >= 1e6 || ax < 1e-3)) {
      var exp = Math.floor(Math.log10(ax));
      return (x / Math.pow(10, exp)).toFixed(1).replace(/\.0$/, '') + ' \u00d7 10^' + exp;
    }
    return x.toLocaleString('en-US', {maximumFractionDigits: 3});
  }
  // A value with its unit as a reader says it: 75%, 2%/yr, 4.5×, 1.4×/yr, 100 days.
  function value(p, x, bare) {
    var u = p.unit || '';
    if (u === 'share' || u === 'share/yr') return fmt(x * 100) + '%' + (u === 'share/yr' && !bare ? ' a year' : '');
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

  fetch('web/params.json', {credentials: 'same-origin'}).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }).then(function (params) {
    if (!Array.isArray(params)) throw new Error('not a list');
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    ['Parameter', 'Default (range)', 'Source'].forEach(function (h) { cell(head, 'th', h).scope = 'col'; });
    var body = table.createTBody();
    params.forEach(function (p) {
      var row = body.insertRow();
      var name = cell(row, 'th', p.label);
      name.scope = 'row';
      var key = document.createElement('code');
      key.textContent = p.key;
      name.appendChild(document.createElement('br'));
      name.appendChild(key);
      var def = cell(row, 'td', value(p, p['default']), 'num');
      def.setAttribute('data-label', 'Default');
      var range = document.createElement('span');
      range.className = 'range';
      range.textContent = value(p, p.min, true) + ' to ' + value(p, p.max);
      def.appendChild(range);
      cell(row, 'td', p.source || '', 'src').setAttribute('data-label', 'Source');
    });
    box.replaceChildren(table);
  }).catch(function (e) {
    box.replaceChildren();
    var p = document.createElement('p');
    p.className = 'note';
    p.textContent = 'The parameter table could not be loaded (' + e.message + '); core/README.md in the source lists it.';
    box.appendChild(p);
  });
})();
