// Embed mode (?embed=1): keyboard focus inside an iframe and the postMessage API for host pages (docs/embedding.md).
(function () {
  'use strict';

  var CP = window.ComputePoverty = window.ComputePoverty || {};
  var canvas = document.getElementById('canvas');
  var query = new URLSearchParams(location.search);
  var embedded = query.get('embed') === '1';

  // Keys go to SDL only while the canvas has focus (SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT). A click
  // must give it focus, and so must coming back to a frame that lost it (emscripten issue 20742).
  if (canvas) {
    canvas.addEventListener('pointerdown', function () {
      // Focus taken by a pointer shows no ring (the ring is for keyboard users, who arrive by Tab).
      canvas.classList.add('pointer-focus');
      if (document.activeElement !== canvas) canvas.focus({preventScroll: true});
    }, true);
    canvas.addEventListener('blur', function () { canvas.classList.remove('pointer-focus'); });
    // Inside the figure Tab moves between its controls (ImGui keyboard navigation), so Escape is the
    // way out: it lets the figure close what it has open, then gives focus back to the page, and the
    // next Tab goes on to the page's buttons (no keyboard trap).
    // The focus leaves on the key's release, not its press: SDL listens on the canvas only, so an
    // Escape released elsewhere stayed held in the figure, and its key repeat closed the next text
    // box as it opened (Ctrl+click did nothing after an Escape; found by tests/engines, in every engine).
    var escapeDown = false;
    canvas.addEventListener('keydown', function (e) { if (e.key === 'Escape') escapeDown = true; });
    canvas.addEventListener('keyup', function (e) {
      if (e.key !== 'Escape' || !escapeDown) return;
      escapeDown = false;
      setTimeout(function () {
        // WebKit forgets where the reader was when the focused element is blurred: the next Tab
        // started again at the top of the page. So the focus moves to the group of buttons after the
        // figure (which Tab alone never stops at), and the next Tab goes on to its first button, in
        // every engine. An embed has no such group: there the canvas lets go of the focus.
        var next = document.querySelector('.tools');
        if (next && next.offsetParent !== null) {
          next.tabIndex = -1;
          next.focus({preventScroll: true});
        } else {
          canvas.blur();
        }
      }, 0);
    });
  }
  if (!embedded) return;
  window.addEventListener('focus', function () {
    if (canvas && document.activeElement !== canvas) canvas.focus({preventScroll: true});
  });

  var MAX_MESSAGE_CHARS = 8192;
  var framed = window.parent && window.parent !== window;

  function originOf(url) {
    try {
      var o = new URL(url).origin;
      return o && o !== 'null' ? o : '';
    } catch (e) { return ''; }
  }
  // The host's origin: from the referrer (browsers send at least the origin to a cross-origin frame
  // unless the host forbids it), plus any listed in &origin=a,b (exact origins only).
  var parentOrigin = framed ? originOf(document.referrer) : '';
  var listed = (query.get('origin') || '').split(',').map(function (s) { return s.trim(); }).filter(function (s) {
    return s && originOf(s) === s;
  });
  var trusted = (parentOrigin ? [parentOrigin] : []).concat(listed.filter(function (o) { return o !== parentOrigin; }));

  function isPlainObject(x) {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
    var proto = Object.getPrototypeOf(x);
    return proto === Object.prototype || proto === null;
  }

  function ignore(why, event) {
    if (console.debug) console.debug('Compute Poverty embed: ignored a message (' + why + ')', event && event.origin);
  }

  function post(message, origin) {
    try { window.parent.postMessage(message, origin); } catch (e) { /* detached parent */ }
  }

  // Outcomes are public: sent to every trusted origin, or to "*" when the host's origin is unknown.
  function broadcast(data) {
    if (!framed) return;
    var message = {type: 'compute-poverty:outcomes', data: data};
    if (trusted.length === 0) post(message, '*');
    else trusted.forEach(function (o) { post(message, o); });
  }
  if (CP.addListener) CP.addListener(broadcast);

  // ---- automatic height: {type: "compute-poverty:height", height} (docs/embedding.md) ----
  // The height (CSS px) the figure needs at the frame's width, so the host can size the frame and
  // the reader never scrolls inside it. Only the known host origins hear it (never "*"): a host
  // without a referrer lists itself in &origin=. The app reports what its panels need at this
  // width, not the frame's height (which its charts stretch to fill), so one answer settles it.
  var HEIGHT_SETTLE_MS = 150;  // posted once the figure has kept a height this long
  var postedHeight = 0;
  var heightTimer = 0;
  function wantedHeight() { return Math.ceil(CP.contentHeight ? CP.contentHeight() : 0); }
  function postHeight() {
    heightTimer = 0;
    var h = wantedHeight();
    if (!(h > 0) || h === postedHeight) return;
    postedHeight = h;
    trusted.forEach(function (o) { post({type: 'compute-poverty:height', height: h}, o); });
  }
  if (framed && trusted.length && canvas && CP.addFrameListener) {
    var seen = 0;
    CP.addFrameListener(function () {
      var h = wantedHeight();
      if (h === seen) return;
      seen = h;
      // Debounced: a height that changes again within HEIGHT_SETTLE_MS restarts the wait.
      if (heightTimer) clearTimeout(heightTimer);
      heightTimer = setTimeout(postHeight, HEIGHT_SETTLE_MS);
    });
  }

  window.addEventListener('message', function (event) {
    if (!framed || event.source !== window.parent) return ignore('not from the parent frame', event);
    if (trusted.length && trusted.indexOf(event.origin) < 0) return ignore('origin not trusted', event);
    if (!trusted.length) return ignore('the host origin is unknown; list it in &origin=', event);
    var d = event.data;
    if (!isPlainObject(d) || typeof d.type !== 'string') return ignore('not a message object', event);
    var size = 0;
    try { size = JSON.stringify(d).length; } catch (e) { return ignore('not serialisable', event); }
    if (size > MAX_MESSAGE_CHARS) return ignore('too large', event);
    if (d.type === 'compute-poverty:get') {
      if (Object.keys(d).length !== 1) return ignore('a get message has no fields', event);
      if (CP.last) post({type: 'compute-poverty:outcomes', data: CP.last}, event.origin);
      return;
    }
    if (d.type === 'compute-poverty:set') {
      // The app reads the message whole (shell/state/host_message.cpp): a wrong shape is ignored, a
      // value the model refuses (out of range, a step outside the run) is answered with why.
      var r = CP.applyMessage ? CP.applyMessage(JSON.stringify(d)) : {refused: 'the figure is not ready yet'};
      if (r.ignored) return ignore(r.ignored, event);
      if (r.refused) post({type: 'compute-poverty:error', message: String(r.refused)}, event.origin);
      return;
    }
    ignore('unknown type', event);
  });

  CP.embed = {trusted: trusted.slice(), parentOrigin: parentOrigin, postedHeight: function () { return postedHeight; }};
})();
