// Runs before the body is parsed (index.html's head; a file, not inline, for the Content-Security-Policy).
// index.html carries the landing page prerendered at build time: Trends, default indicator and places,
// in Chinese. For any other URL (another view, indicator, places, or ?lang=en) it must not be shown,
// not even until the app starts: mark the page so the CSS hides it. Mirrors isPrerenderedState in
// src/features/trends/landing-snapshot.ts (tests/scripts/first-paint-guard.test.ts checks they agree).
(function () {
  var params = new URLSearchParams(window.location.search);
  var view = params.get('view');
  var landing = (view === null || view === 'trends') && !params.has('indicator') && !params.has('regions')
    && !params.has('partyear') && (params.get('lang') === null || params.get('lang') === 'zh');
  if (!landing) document.documentElement.setAttribute('data-prerender', 'off');
})();
