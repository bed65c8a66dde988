// The figure in another language: fetches its strings and CJK fonts and hands them to the app (staged as i18n/language.js; web/bridge.js loads it only when a reader asks for Chinese).
(function () {
  'use strict';

  var CP = window.ComputePoverty = window.ComputePoverty || {};
  var figureLanguage = {};  // tag -> Promise of {json, regular, bold}
  var TAGS = {zh: 'zh-Hans'};
  function fetchOk(url, as) {
    return fetch(url, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return as === 'text' ? r.text() : r.arrayBuffer();
    });
  }
  // Starts (once) the downloads the figure needs to speak `code`; web/loader.js calls it before the
  // app starts when the link asks for Chinese, so the first frame is already in it.
  CP.loadFigureLanguage = function (code) {
    var tag = TAGS[code];
    if (!tag) return Promise.reject(new Error('no language "' + code + '"'));
    if (!figureLanguage[tag]) {
      figureLanguage[tag] = Promise.all([
        fetchOk('i18n/' + tag + '.figure.json', 'text'),
        fetchOk('fonts/cjk-regular.otf'),
        fetchOk('fonts/cjk-bold.otf')
      ]).then(function (r) { return {json: r[0], regular: new Uint8Array(r[1]), bold: new Uint8Array(r[2])}; });
      figureLanguage[tag].catch(function () { delete figureLanguage[tag]; });  // a later try fetches again
    }
    return figureLanguage[tag];
  };
  // Hands the downloads to the app (the runtime must be up; main() need not have run).
  CP.installFigureLanguage = function (M, code, res) {
    var fonts = [res.regular, res.bold].map(function (bytes) {
      var ptr = M._malloc(bytes.length);
      M.HEAPU8.set(bytes, ptr);
      return ptr;
    });
    var err = M.ccall('cp_web_set_language', 'string', ['string', 'string', 'number', 'number', 'number', 'number'],
                      [code, res.json, fonts[0], res.regular.length, fonts[1], res.bold.length]);
    fonts.forEach(function (ptr) { M._free(ptr); });  // the app keeps its own copy
    return err;
  };
  // Switches the figure and the page to `code` ('en' or 'zh'): the language switch, a link with
  // lang=zh arriving later, or the app asking (cp_js_request_language). Resolves with '' or the problem.
  CP.switchLanguage = function (code) {
    var I18n = window.ComputePovertyI18n;
    var page = I18n && I18n.load ? I18n.load(code).then(function () { I18n.applyPage(code); }) : Promise.resolve();
    var M = CP.module();
    var figure;
    if (!M) {
      figure = Promise.resolve('');
    } else if (code === 'en') {
      figure = Promise.resolve(M.ccall('cp_web_set_language', 'string', ['string', 'string', 'number', 'number', 'number', 'number'],
                                       ['en', '', 0, 0, 0, 0]));
    } else {
      figure = CP.loadFigureLanguage(code).then(function (res) { return CP.installFigureLanguage(M, code, res); });
    }
    // The figure publishes its numbers in the new language as it switches; show them now, not after
    // the live region's once-a-second pace.
    return Promise.all([page, figure]).then(function (r) { CP.flushText(); return r[1] || ''; }, function (e) {
      // The figure stays as it was (English); the link stops asking for what could not be loaded.
      if (M) M.ccall('cp_web_set_language', 'string', ['string', 'string', 'number', 'number', 'number', 'number'], ['en', '', 0, 0, 0, 0]);
      if (I18n && I18n.applyPage) I18n.applyPage('en');
      var why = 'Chinese could not be loaded (' + (e && e.message ? e.message : e) + '); the figure stays in English.';
      CP.showMessage(why);
      return why;
    });
  };
})();
