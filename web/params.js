// Renders the "Sources and method" table from web/params.json (written by the app's cp_page_params at staging, values in both languages), in the page's language.
(function () {
  'use strict';
  var box = document.getElementById('param-table');
  if (!box || new URLSearchParams(location.search).get('embed') === '1') return;
  var I = window.ComputePovertyI18n;
  // The catalogue's string in Chinese (web/i18n.js), else the English given.
  function t(key, en) { return I ? I.t(key, en) : en; }
  var fill = I.fill;

  function cell(row, tag, text, cls) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (cls) c.className = cls;
    row.appendChild(c);
    return c;
  }

  var params = null, failure = null;
  function render() {
    // The values come written (the app's formatter, scripts/stage-dist): the page formats no number.
    var lang = I && I.current() === 'zh' ? 'zh' : 'en';
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
      var text = p[lang] || p.en;
      var def = cell(row, 'td', text['default'], 'num');
      def.setAttribute('data-label', t('page.params.label_default', 'Default'));
      var range = document.createElement('span');
      range.className = 'range';
      range.textContent = text.range;
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
