// Starts the app: checks WebGL2/WebAssembly, loads app.wasm with a byte-count overlay, reports failures on the page.
(function () {
  'use strict';
  var overlay = document.getElementById('loading');
  var status = document.getElementById('loading-status');
  var bar = document.getElementById('loading-bar');
  var canvas = document.getElementById('canvas');
  var failed = false;

  // The page's words in the reader's language (web/i18n.js; English until its catalogue is in).
  function t(key, en) { var I = window.ComputePovertyI18n; return I && I.t ? I.t(key, en) : en; }
  var fill = window.ComputePovertyI18n.fill;  // web/i18n.js, loaded first

  function kb(n) { return Math.round(n / 1024).toLocaleString('en-US') + ' KB'; }

  function setStatus(text) { if (status && !failed) status.textContent = text; }

  // Errors stay on the page (no alert): the figure's box explains what went wrong.
  function fail(message) {
    if (failed) return;
    failed = true;
    overlay.classList.add('error');
    overlay.hidden = false;
    if (bar) bar.hidden = true;
    status.textContent = message;
    document.body.classList.add('cp-failed');
  }
  window.ComputePovertyFail = fail;

  window.addEventListener('error', function (e) {
    fail(fill(t('page.status.error', 'Something went wrong while running the figure: {why}. Reloading the page may help.'),
              {why: e.message || 'unknown error'}));
  });
  window.addEventListener('unhandledrejection', function (e) {
    fail(fill(t('page.status.could_not_start', 'The figure could not start: {why}'), {why: e.reason && e.reason.message ? e.reason.message : e.reason}));
  });
  // A lost WebGL context (GPU reset, too many contexts, a long time in the background) is recovered
  // by reloading the page: the state lives in the URL hash, so the reader gets the same figure back.
  // Reload when the browser says the context can be restored, or after 2 s if it says nothing.
  // More than 3 reloads in a minute means something is wrong: say so and stop.
  var recovering = false;
  function recover() {
    if (!recovering) return;
    recovering = false;
    var history = [];
    try { history = JSON.parse(sessionStorage.getItem('cp-context-reloads') || '[]'); } catch (e) { history = []; }
    var now = Date.now();
    history = history.filter(function (t) { return now - t < 60000; });
    if (history.length >= 3) {
      fail(t('page.status.context_keeps_lost', 'The graphics context keeps being lost (the browser reclaimed the GPU). Reload the page to try again.'));
      return;
    }
    history.push(now);
    try { sessionStorage.setItem('cp-context-reloads', JSON.stringify(history)); } catch (e) { /* private mode */ }
    if (window.ComputePoverty && window.ComputePoverty.flushHash) window.ComputePoverty.flushHash();
    location.reload();
  }
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();  // tells the browser we want the context back (webglcontextrestored)
    if (recovering || failed) return;
    recovering = true;
    overlay.hidden = false;
    if (bar) bar.hidden = true;
    status.textContent = t('page.status.context_lost', 'The graphics context was lost (the browser reclaimed the GPU); restarting the figure\u2026');
    setTimeout(recover, 2000);
  }, false);
  canvas.addEventListener('webglcontextrestored', recover, false);
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // SDL takes every wheel event over the canvas, so a reader scrolling the article would get stuck
  // on the figure. Unless the app says a panel under the mouse scrolls (cp_web_wheel_wanted), the
  // event is stopped before SDL sees it and the page scrolls as usual; so is a wheel that would
  // scroll a panel already at its end (the page takes over, as the browser does for nested scrolling).
  canvas.parentElement.addEventListener('wheel', function (e) {
    var M = window.Module;
    if (e.target !== canvas || !M || !M.calledRun) return;
    var wanted = typeof M._cp_web_wheel_wanted === 'function' ? M._cp_web_wheel_wanted(e.deltaY) !== 0 : false;
    if (!wanted) e.stopPropagation();
  }, {capture: true, passive: true});

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail(t('page.status.no_wasm', 'This figure needs WebAssembly, which this browser does not offer. Any current Firefox, Chrome, Safari or Edge runs it.'));
    return;
  }
  var probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail(t('page.status.no_webgl', 'This figure needs WebGL 2, which is unavailable here (old browser, or hardware acceleration turned off). The text below still explains the argument.'));
    return;
  }
  // The largest drawing buffer WebGL gives without clamping it (web/fit.js keeps the canvas within it).
  if (window.ComputePoverty && window.ComputePoverty.setMaxDrawingBuffer) {
    var dims = probe.getParameter(probe.MAX_VIEWPORT_DIMS);
    window.ComputePoverty.setMaxDrawingBuffer(Math.min(probe.getParameter(probe.MAX_RENDERBUFFER_SIZE),
                                                       dims ? dims[1] : Infinity));
  }
  var lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();  // give the probe's context back at once

  var params = new URLSearchParams(location.search);
  var args = [];
  if (params.get('embed') === '1') {
    document.body.classList.add('embed');
    args.push('--embed');
    if (params.get('panels')) args.push('--panels', params.get('panels'));
  }
  // The link's state, decoded (web/bridge.js); the app reads every link version, validates it and,
  // if it is unusable, says why and starts from the defaults.
  var hash = window.ComputePoverty.decodeHash(location.hash);
  if (hash) args.push('--state', hash);

  // Fetches app.wasm while counting bytes for the overlay, and still compiles while streaming.
  function instantiateWasm(imports, receiveInstance) {
    fetch('app.wasm', {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) throw new Error('app.wasm: HTTP ' + response.status);
      var total = Number(response.headers.get('Content-Length')) || 0;
      var loaded = 0;
      var reader = response.body.getReader();
      var counted = new ReadableStream({
        pull: function (controller) {
          return reader.read().then(function (r) {
            if (r.done) { controller.close(); return; }
            loaded += r.value.byteLength;
            setStatus(total ? fill(t('page.status.loading_of', 'Loading the model\u2026 {loaded} of {total}'), {loaded: kb(loaded), total: kb(total)})
                            : fill(t('page.status.loading_bytes', 'Loading the model\u2026 {loaded}'), {loaded: kb(loaded)}));
            if (bar && total) bar.value = loaded / total;
            controller.enqueue(r.value);
          });
        }
      });
      var streamed = new Response(counted, {headers: {'Content-Type': 'application/wasm'}});
      var compile = WebAssembly.instantiateStreaming
          ? WebAssembly.instantiateStreaming(streamed, imports)
          : streamed.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, imports); });
      return compile;
    }).then(function (result) {
      setStatus(t('page.status.starting', 'Starting\u2026'));
      receiveInstance(result.instance, result.module);
    }).catch(function (e) {
      fail(fill(t('page.status.could_not_load', 'The figure could not be loaded ({why}). Check your connection and reload.'), {why: e && e.message ? e.message : e}));
    });
    return {};  // instantiation is asynchronous
  }

  // A link asking for Chinese (lang=zh in the hash; ?lang=zh for embeds) fetches the figure's
  // strings and CJK fonts beside app.wasm, and main() waits for them: the first frame is in Chinese.
  // The English page never fetches them.
  var lang = /(^|[#&])lang=zh(&|$)/.test(location.hash) || params.get('lang') === 'zh' ? 'zh' : 'en';
  // An embed's ?lang=zh says what its link's lang=zh would (the app reads the language from the state).
  if (lang === 'zh' && !/(^|&)lang=/.test(hash)) {
    var at = args.indexOf('--state');
    if (at >= 0) args[at + 1] += '&lang=zh'; else args.push('--state', 'lang=zh');
  }
  var cp = window.ComputePoverty;
  var language = lang === 'zh' && cp && cp.loadLanguageScript
    ? cp.loadLanguageScript().then(function () { return cp.loadFigureLanguage('zh'); }) : null;
  if (language) language.catch(function () { /* reported when the app asks again (bridge.js) */ });

  window.Module = {
    preRun: [function () {
      if (!language) return;
      var M = window.Module;
      M.addRunDependency('cp-language');
      language.then(function (res) { M.cpLanguage = res; }, function () {}).then(function () {
        M.removeRunDependency('cp-language');
      });
    }],
    canvas: canvas,
    arguments: args,
    instantiateWasm: instantiateWasm,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    // Startup split for bench/web: wasm compiled and runtime up, before main() and the first frame.
    onRuntimeInitialized: function () {
      if (performance.mark) performance.mark('cp-runtime-ready');
      var M = window.Module;
      if (M.cpLanguage && window.ComputePoverty && window.ComputePoverty.installFigureLanguage) {
        window.ComputePoverty.installFigureLanguage(M, 'zh', M.cpLanguage);
        M.cpLanguage = null;
      }
      setStatus(t('page.status.starting', 'Starting\u2026'));
      // The page's layout before the first frame, so that it is drawn in the right one (web/fit.js).
      if (window.ComputePoverty && window.ComputePoverty.applyLayout) window.ComputePoverty.applyLayout();
    },
    onAbort: function (what) { fail(fill(t('page.status.aborted', 'The figure stopped unexpectedly ({why}). Reloading the page may help.'), {why: what})); },
    // Called by the platform layer after the first drawn frame.
    onFirstFrame: function () {
      overlay.hidden = true;
      document.body.classList.add('cp-running');
    },
    // Called by the platform layer after every drawn frame (web/fit.js sizes the figure from it).
    onFrameDrawn: function (count) {
      var cp = window.ComputePoverty;
      if (cp && cp.frameDrawn) cp.frameDrawn(count);
    }
  };

  setStatus(t('page.status.loading', 'Loading the model\u2026'));
  var script = document.createElement('script');
  script.src = 'app.js';
  script.async = true;
  script.onerror = function () { fail(fill(t('page.status.could_not_load', 'The figure could not be loaded ({why}). Check your connection and reload.'), {why: 'app.js missing'})); };
  document.body.appendChild(script);
})();
