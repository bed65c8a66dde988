// window.ComputePoverty: the page's side of the app: text layer, permalinks in the address bar, host messages, downloads.
(function () {
  'use strict';

  var CP = window.ComputePoverty = window.ComputePoverty || {};
  var HASH_WRITE_MS = 250;         // address bar: at most one history.replaceState per 250 ms
  var ANNOUNCE_MS = 1000;          // aria-live: at most one update per second during a drag

  // The page's words in the reader's language (web/i18n.js; English until its catalogue is in).
  function t(key, en) { var I = window.ComputePovertyI18n; return I && I.t ? I.t(key, en) : en; }
  var fill = window.ComputePovertyI18n.fill;  // web/i18n.js, loaded first

  function module() {
    var M = window.Module;
    return M && M.calledRun ? M : null;
  }

  // ---- links ----
  // The hash as the app should see it: without '#', decoded. The app reads every link version
  // (shell/state/permalink.cpp; docs/links.md) and explains a link it refuses.
  function decodeHash(hash) {
    hash = String(hash || '').replace(/^#/, '');
    try { return decodeURIComponent(hash); } catch (e) { return hash; /* malformed %: the app will reject it */ }
  }

  // ---- the reader's message (a rejected link) mirrored under the figure for everyone ----
  function showMessage(text) {
    var el = document.getElementById('figure-message');
    if (!el) return;
    el.textContent = text || '';
    el.hidden = !text;
  }

  // Hands `text` to the app's `fn`, which answers '' or the reader's message (shown beside the figure).
  function apply(fn, text) {
    var M = module();
    if (!M) return 'the figure is not ready yet';
    var err = M.ccall(fn, 'string', ['string'], [text]);
    showMessage(err);
    if (err) console.warn('Compute Poverty: ' + err);
    return err;
  }

  // Applies a link state ("v=1&s=cloud_loophole"); returns '' or the app's message.
  function applyPermalink(hash) { return apply('cp_web_apply_permalink', decodeHash(hash)); }

  // A host page's "compute-poverty:set" message as JSON (web/embed.js), applied to the current state
  // all-or-nothing: {} when applied, {ignored: why} for a wrong shape, {refused: the app's message}.
  function applyMessage(json) {
    var M = module();
    if (!M) return {refused: 'the figure is not ready yet'};
    var answer = JSON.parse(M.ccall('cp_web_apply_message', 'string', ['string'], [String(json)]));
    if (answer.refused) { showMessage(answer.refused); console.warn('Compute Poverty: ' + answer.refused); }
    else if (!answer.ignored) showMessage('');
    return answer;
  }

  // ---- the address bar follows the state (throttled, trailing edge) ----
  var publishedOnce = false;
  var writtenHash = null;     // what we last wrote (a hashchange to it is ours, not the reader's)
  var hashTimer = 0;
  var lastHashWrite = 0;

  function writeHash() {
    hashTimer = 0;
    lastHashWrite = Date.now();
    var data = CP.last;
    if (!data || typeof data.hash !== 'string') return;
    if (location.hash.replace(/^#/, '') === data.hash) return;
    writtenHash = data.hash;
    try {
      history.replaceState(history.state, '', '#' + data.hash);
    } catch (e) { /* sandboxed frames may refuse */ }
  }
  function scheduleHashWrite() {
    if (hashTimer) return;
    var wait = Math.max(0, HASH_WRITE_MS - (Date.now() - lastHashWrite));
    hashTimer = setTimeout(writeHash, wait);
  }
  CP.flushHash = function () {
    if (hashTimer) { clearTimeout(hashTimer); writeHash(); }
  };

  // A link with a new #state while the page is open (typed, pasted, back/forward).
  function onHashChange() {
    var hash = location.hash.replace(/^#/, '');
    if (!module() || hash === writtenHash || (CP.last && hash === CP.last.hash)) return;
    applyPermalink(hash);
  }
  window.addEventListener('hashchange', onHashChange);

  // ---- the text layer (screen readers, tests, host pages) ----
  var pendingRender = null;
  var renderTimer = 0;
  var lastRender = 0;

  function item(name, value, text) {
    var li = document.createElement('li');
    li.setAttribute('data-outcome', name);
    li.setAttribute('data-value', typeof value === 'number' ? String(value) : '');
    li.textContent = text;
    return li;
  }

  // The app writes every number and word here (texts, labels, items in the reader's language): the
  // page only places them.
  function render(data) {
    lastRender = Date.now();
    var texts = data.texts || {}, labels = data.labels || {};
    var live = document.getElementById('outcomes');
    if (live) {
      var frag = document.createDocumentFragment();
      if (data.sentence) {
        var p = document.createElement('p');
        p.className = 'outcome-sentence';
        p.textContent = (data.year && data.sentence.indexOf(String(data.year)) < 0 ? data.year + ': ' : '') + data.sentence;
        frag.appendChild(p);
      }
      // The levers over time in words: the strips and chips of the figure are pictures.
      if (data.plan) {
        var plan = document.createElement('p');
        plan.className = 'outcome-plan';
        plan.textContent = data.plan;
        frag.appendChild(plan);
      }
      var list = document.createElement('ul');
      var shown = {};
      (data.numbers || []).forEach(function (n) {
        if (!n || typeof n.outcome !== 'string') return;
        shown[n.outcome] = true;
        var text = (n.text || '') + (n.caption ? ' ' + n.caption : '');
        list.appendChild(item(n.outcome, n.value, text));
      });
      var outcomes = data.outcomes || {};
      var rest = document.getElementById('outcomes-detail');
      var restList = rest ? document.createElement('ul') : list;
      Object.keys(outcomes).forEach(function (name) {
        if (shown[name]) return;
        restList.appendChild(item(name, outcomes[name], fill(data.outcome_item || '{label}: {value}',
                                                             {label: labels[name] || name, value: texts[name] || ''})));
      });
      // The public record the charts draw as diamonds: value, year, what it is, its source.
      if (rest && Array.isArray(data.record)) {
        data.record.forEach(function (p) {
          var li = document.createElement('li');
          li.setAttribute('data-record', p.series);
          li.setAttribute('data-value', String(p.value));
          li.textContent = fill(data.record_item || '{label}, {what}, {year}: {value} {source}',
                                {label: p.label, what: p.what, year: p.year, value: p.text, source: p.source});
          restList.appendChild(li);
        });
      }
      frag.appendChild(list);
      live.replaceChildren(frag);
      if (rest) rest.replaceChildren(restList);
    }
    // Numbers in the article's prose that follow the figure.
    var byName = {};
    (data.numbers || []).forEach(function (n) { if (n) byName[n.outcome] = n; });
    var spans = document.querySelectorAll('[data-live]');
    for (var i = 0; i < spans.length; ++i) {
      var name = spans[i].getAttribute('data-live');
      var n = byName[name];
      spans[i].textContent = n ? n.text : (name === 'year' ? String(data.year) : texts[name] || '');
    }
  }

  function flushRender() {
    if (renderTimer) { clearTimeout(renderTimer); renderTimer = 0; }
    if (pendingRender) { var d = pendingRender; pendingRender = null; render(d); }
  }
  function scheduleRender(data) {
    pendingRender = data;
    var since = Date.now() - lastRender;
    if (since >= ANNOUNCE_MS && !renderTimer) { flushRender(); return; }
    if (!renderTimer) renderTimer = setTimeout(function () { renderTimer = 0; flushRender(); }, ANNOUNCE_MS - since);
  }
  // A released slider announces its final value at once.
  CP.flushText = flushRender;
  ['pointerup', 'keyup', 'touchend'].forEach(function (type) {
    window.addEventListener(type, function () { setTimeout(flushRender, 50); }, true);
  });

  var lastJson = '';
  var listeners = [];
  CP.addListener = function (f) { listeners.push(f); };

  function onOutcomes(json) {
    var data;
    try {
      data = typeof json === 'string' ? JSON.parse(json) : json;
    } catch (e) {
      console.warn('ComputePoverty.onOutcomes: not JSON', e);
      return;
    }
    if (!data || typeof data !== 'object') return;
    var key = typeof json === 'string' ? json : JSON.stringify(json);
    if (key === lastJson) return;  // the live region only speaks on change
    lastJson = key;
    var first = !CP.last;
    CP.last = data;
    if (first) render(data); else scheduleRender(data);
    // The first publish is the state the page opened with: the address bar keeps what the reader
    // typed (even a rejected link, so the message beside the figure makes sense).
    if (publishedOnce) scheduleHashWrite();
    publishedOnce = true;
    // The app's message (e.g. why a link was refused) stays mirrored under the figure while the app shows it.
    var M = module();
    if (M && typeof M._cp_web_message === 'function') showMessage(M.ccall('cp_web_message', 'string', [], []));
    listeners.forEach(function (f) { try { f(data); } catch (e) { console.warn(e); } });
    if (typeof CP.onUpdate === 'function') CP.onUpdate(data);
  }

  // ---- downloads ----
  function download(name, blob) {
    var a = document.createElement('a');
    var url = URL.createObjectURL(blob);
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function baseName() {
    var s = CP.last && /^[a-z0-9_]{1,40}$/.test(CP.last.scenario || '') ? CP.last.scenario : 'scenario';
    return 'compute-poverty-' + s;
  }
  CP.downloadCsv = function () {
    var M = module();
    if (!M) return;
    download(baseName() + '.csv', new Blob([M.ccall('cp_web_series_csv', 'string', [], [])], {type: 'text/csv'}));
  };
  CP.downloadScenario = function () {
    var M = module();
    if (!M) return;
    download(baseName() + '.json', new Blob([M.ccall('cp_web_scenario_json', 'string', [], [])], {type: 'application/json'}));
  };
  CP.downloadPng = function () {
    var M = module();
    if (M && typeof M._cp_web_request_png === 'function') M._cp_web_request_png();
  };
  // Called by the platform layer with a picture read right after a frame (RGBA, top row first):
  // the whole figure (Download PNG) or a chart (the chart's "Save chart as PNG" menu).
  CP.onCapture = function (name, width, height, rgba) {
    var c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    var ctx = c.getContext('2d');
    var img = ctx.createImageData(width, height);
    img.data.set(rgba);
    // WebGL's alpha is not meaningful for a picture: make it opaque.
    for (var i = 3; i < img.data.length; i += 4) img.data[i] = 255;
    ctx.putImageData(img, 0, 0);
    var safe = /^[A-Za-z0-9_.-]{1,80}\.png$/.test(name) ? name : 'compute-poverty.png';
    c.toBlob(function (blob) { if (blob) download(safe, blob); }, 'image/png');
  };

  // ---- copy link / embed code ----
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }
  function fallbackCopy(text) {
    var ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }
  function pageUrl() { return location.origin + location.pathname.replace(/embed\.html$/, ''); }
  function currentHash() { return CP.last && CP.last.hash ? CP.last.hash : location.hash.replace(/^#/, ''); }
  CP.linkUrl = function () { return pageUrl() + '#' + currentHash(); };
  // The iframe plus a small listener that sizes it to the figure's height (compute-poverty:height),
  // so the host page scrolls and the frame never does. The id ties the listener to its own frame
  // when a page holds several.
  CP.embedCode = function () {
    var src = pageUrl() + '?embed=1&panels=headline,chart,levers#' + currentHash();
    var id = 'compute-poverty-' + Math.random().toString(36).slice(2, 8);
    var title = t('page.embed.iframe_title', 'Compute Poverty: can a country rent the AI compute it does not own?');
    return '<iframe id="' + id + '" src="' + src.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '" title="' +
           title.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '" width="100%" height="760" style="border:0" ' +
           'loading="lazy" allow="clipboard-write"></iframe>\n' +
           '<script>(function () {\n' +
           '  var f = document.getElementById("' + id + '"), o = new URL(f.src).origin;\n' +
           '  window.addEventListener("message", function (e) {\n' +
           '    var d = e.data, h = d && d.type === "compute-poverty:height" ? Number(d.height) : 0;\n' +
           '    if (e.source === f.contentWindow && e.origin === o && h >= 100 && h <= 20000) f.style.height = Math.ceil(h) + "px";\n' +
           '  });\n' +
           '})();</' + 'script>';
  };
  function copied(button, ok, text) {
    var status = document.getElementById('tools-status');
    if (status) status.textContent = ok ? t('page.tools.copied', 'Copied') : fill(t('page.tools.copy_failed', 'Copy failed: select and copy by hand: {text}'), {text: text});
    if (button) button.setAttribute('data-copied', ok ? '1' : '0');
    var shown = status && status.textContent;
    setTimeout(function () { if (ok && status && status.textContent === shown) status.textContent = ''; }, 3000);
  }
  CP.copyLink = function (button) {
    CP.flushHash();
    var text = CP.linkUrl();
    return copyText(text).then(function (ok) { copied(button, ok, text); return text; });
  };
  CP.copyEmbed = function (button) {
    var text = CP.embedCode();
    return copyText(text).then(function (ok) { copied(button, ok, text); return text; });
  };

  // ---- buttons on the page (data-action / data-permalink) ----
  document.addEventListener('click', function (e) {
    var t = e.target && e.target.closest ? e.target.closest('[data-action],[data-permalink]') : null;
    if (!t) return;
    var action = t.getAttribute('data-action');
    if (action === 'copy-link') CP.copyLink(t);
    else if (action === 'copy-embed') CP.copyEmbed(t);
    else if (action === 'csv') CP.downloadCsv();
    else if (action === 'scenario') CP.downloadScenario();
    else if (action === 'png') CP.downloadPng();
    var link = t.getAttribute('data-permalink');
    if (link) {
      if (!module()) return;
      applyPermalink(link);
      // In the reading layout the figure is beside the section and stays there: the reader is not
      // moved; the figure shows its top, where the change is read (headline, main chart).
      if (CP.readingLayout && CP.readingLayout()) {
        var M = module();
        if (typeof M._cp_web_scroll_to_top === 'function') M._cp_web_scroll_to_top();
        return;
      }
      var fig = document.querySelector('.figure');
      var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (fig && fig.getBoundingClientRect().bottom < 80) fig.scrollIntoView({behavior: reduce ? 'auto' : 'smooth', block: 'start'});
    }
  });

  // The reader can dismiss the message inside the figure; the copy under it follows within a second.
  setInterval(function () {
    var M = module();
    var el = document.getElementById('figure-message');
    if (!M || !el || el.hidden || typeof M._cp_web_message !== 'function') return;
    if (!M.ccall('cp_web_message', 'string', [], [])) showMessage('');
  }, 1000);

  // The app's message changed (a refused value, a notice; '' when dismissed): mirrored at once, as a
  // refusal changes no outcome and so would not come with onOutcomes.
  CP.onMessage = function (text) { showMessage(String(text || '')); };

  // ---- language (lang=zh): web/language.js, fetched with the Chinese strings and fonts, only when
  // a reader asks for Chinese (the English page loads none of it) ----
  var languageScript = null;
  CP.loadLanguageScript = function () {
    return languageScript || (languageScript = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = 'i18n/language.js';  // web/language.js, staged with the catalogues
      script.onload = resolve;
      script.onerror = function () { languageScript = null; reject(new Error('i18n/language.js missing')); };
      document.head.appendChild(script);
    }));
  };
  // Switches the figure and the page to `code` ('en' or 'zh'); resolves with '' or the problem.
  CP.setLanguage = function (code) {
    if (code === 'en' && !languageScript) return Promise.resolve('');  // English is all there is yet
    return CP.loadLanguageScript().then(function () { return CP.switchLanguage(code); }, function (e) {
      showMessage('Chinese could not be loaded (' + e.message + '); the figure stays in English.');
      return e.message;
    });
  };
  CP.module = module;
  // The live spans the page swapped with its text are filled again from the last outcomes.
  CP.refreshLive = function () { if (CP.last) render(CP.last); };

  CP.onOutcomes = onOutcomes;
  CP.decodeHash = decodeHash;
  CP.applyPermalink = applyPermalink;
  CP.applyMessage = applyMessage;
  CP.showMessage = showMessage;
})();
