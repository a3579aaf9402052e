package org.hhsweep.spark.analysis;

/** The report's inline style and script: the page must open from disk and load nothing else. */
final class ReportAssets {
    static final String CSS = String.join("\n",
            "body { font-family: system-ui, sans-serif; max-width: 960px; margin: 2em auto; padding: 0 1em; color: #222; }",
            "h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; } h3 { font-size: 1.05em; }",
            "table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }",
            "th, td { border: 1px solid #ddd; padding: 0.2em 0.6em; }",
            "table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }",
            "table.facts thead { display: none; } table.facts td:first-child { font-weight: 600; }",
            "th { background: #f4f4f4; }",
            "figure { margin: 1.2em 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; }",
            "figcaption { font-size: 0.9em; color: #444; } code { font-size: 0.92em; }",
            "pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }",
            ".note { color: #555; font-size: 0.9em; } .warning { background: #fff3cd; padding: 0.5em; }",
            "footer { margin-top: 2em; font-size: 0.8em; color: #777; }",
            "");

    /**
     * Records on the root element whether every image loaded (data-images="loaded/all") and how
     * many errors the page raised (data-errors), so a headless browser can check the page; image
     * load errors do not bubble, hence the capturing listener.
     */
    static final String SELF_CHECK = String.join("\n",
            "(function () {",
            "  var errors = [];",
            "  window.addEventListener('error', function (e) {",
            "    var t = e.target;",
            "    errors.push(t && t !== window && t.src ? 'failed to load ' + t.src : String(e.message));",
            "  }, true);",
            "  window.addEventListener('load', function () {",
            "    var images = document.images, loaded = 0;",
            "    for (var i = 0; i < images.length; i++) {",
            "      if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }",
            "    }",
            "    var root = document.documentElement;",
            "    root.setAttribute('data-images', loaded + '/' + images.length);",
            "    root.setAttribute('data-errors', String(errors.length));",
            "    if (errors.length) { root.setAttribute('data-error-list', errors.join(' | ')); }",
            "  });",
            "})();",
            "");

    private ReportAssets() {
    }
}
