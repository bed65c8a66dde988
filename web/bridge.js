// window.ComputePoverty: what the app tells the page (outcomes for the screen-reader layer) and hash links.
(function () {
  'use strict';

  // Rounded for people; the exact value stays in data-value.
  function formatNumber(x) {
    if (!isFinite(x)) return String(x);
    var ax = Math.abs(x);
    if (ax !== 0 && (ax >= 1e6 || ax < 1e-3)) {
      var exp = Math.floor(Math.log10(ax));
      var mant = x / Math.pow(10, exp);
      return mant.toFixed(1) + ' \u00d7 10^' + exp;
    }
    if (ax >= 100) return Math.round(x).toLocaleString('en-US');
    if (ax >= 10) return x.toFixed(1).replace(/\.0$/, '');
    return x.toPrecision(2).replace(/\.?0+$/, '');
  }

  function formatOutcome(name, value) {
    if (typeof value !== 'number') return String(value);
    if (/(_share|_fraction|_ratio|_pct)$/.test(name) && Math.abs(value) <= 1.5) {
      var pct = value * 100;
      return (Math.abs(pct) < 10 && pct !== 0 ? pct.toFixed(1).replace(/\.0$/, '') : Math.round(pct)) + '%';
    }
    if (/^years_|_years$/.test(name)) return formatNumber(value) + ' years';
    return formatNumber(value);
  }

  function label(name) {
    var s = name.replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  var lastJson = '';

  function onOutcomes(json) {
    var data;
    try {
      data = typeof json === 'string' ? JSON.parse(json) : json;
    } catch (e) {
      console.warn('ComputePoverty.onOutcomes: not JSON', e);
      return;
    }
    var key = typeof json === 'string' ? json : JSON.stringify(json);
    if (key === lastJson) return;  // the live region only speaks on change
    lastJson = key;
    var root = document.getElementById('outcomes');
    if (!root || !data) return;
    var frag = document.createDocumentFragment();
    if (data.sentence) {
      var p = document.createElement('p');
      p.className = 'outcome-sentence';
      p.textContent = (data.year ? data.year + ': ' : '') + data.sentence;
      frag.appendChild(p);
    }
    var outcomes = data.outcomes || {};
    var list = document.createElement('ul');
    Object.keys(outcomes).forEach(function (name) {
      var v = outcomes[name];
      var li = document.createElement('li');
      li.setAttribute('data-outcome', name);
      li.setAttribute('data-value', typeof v === 'number' ? String(v) : '');
      li.textContent = label(name) + ': ' + formatOutcome(name, v);
      list.appendChild(li);
    });
    frag.appendChild(list);
    root.replaceChildren(frag);
    window.ComputePoverty.last = data;
    if (typeof window.ComputePoverty.onUpdate === 'function') window.ComputePoverty.onUpdate(data);
  }

  // A link with a new #state while the page is open: hand it to the app if it can take it.
  function onHashChange() {
    var M = window.Module;
    var hash = location.hash.replace(/^#/, '');
    if (!M || !M.calledRun || typeof M._cp_web_apply_permalink !== 'function') return;
    var err = M.ccall('cp_web_apply_permalink', 'string', ['string'], [hash]);
    if (err) console.warn('Compute Poverty: ' + err);
  }
  window.addEventListener('hashchange', onHashChange);

  window.ComputePoverty = window.ComputePoverty || {};
  window.ComputePoverty.onOutcomes = onOutcomes;
  window.ComputePoverty.formatOutcome = formatOutcome;
})();
