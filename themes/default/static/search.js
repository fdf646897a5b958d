/* testimony: the search page's script. Loaded by /<lang>/search/ only.
 * Drives pagefind's JavaScript API over this language's index (built with the site, beside the
 * page): nothing is sent anywhere, the index is fetched from the site itself.
 * - The query is folded as the index was (foldArabic, the same rules as the build's
 *   search::normalise_arabic: no harakat, no tatweel, every alef form a bare alef), so that
 *   Arabic is found as readers type it.
 * - A hit inside a transcript links to that moment of the video (#t=<seconds>), which the
 *   story page's script seeks to.
 * - Excerpts are built as text and <mark> elements only: no markup of the index is inserted. */
(function () {
  "use strict";

  var doc = document;
  var box = doc.querySelector("[data-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-results");
  var needsJs = doc.querySelector("[data-search-needs-js]");
  if (!input || !status || !list) return;
  if (needsJs) needsJs.hidden = true;
  box.hidden = false;

  var pagefind = null;
  var loading = null;
  var latest = 0;

  /** The build's search::normalise_arabic: keep the two in step. */
  function foldArabic(text) {
    return String(text)
      .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627");
  }

  function load() {
    if (!loading) {
      loading = import(box.getAttribute("data-bundle") + "pagefind.js").then(function (module) {
        pagefind = module;
        // The records' addresses are from the host's root already (with the site's sub-path):
        // pagefind must not put the index's folder before them.
        return pagefind.options({ baseUrl: "/", excerptLength: 24 }).then(function () {
          return pagefind.init();
        });
      });
    }
    return loading;
  }

  function say(key) {
    status.textContent = key ? status.getAttribute("data-" + key) || "" : "";
  }

  /** "1:10" or "1:02:03" from seconds, as the story page shows times. */
  function formatTime(seconds) {
    var s = Math.floor(seconds);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var rest = String(s % 60).padStart(2, "0");
    return h > 0 ? h + ":" + String(m).padStart(2, "0") + ":" + rest : m + ":" + rest;
  }

  /** The excerpt as text and <mark> elements, parsed in an inert document. */
  function excerpt(html) {
    var out = doc.createElement("p");
    out.className = "search-excerpt";
    var parsed = new DOMParser().parseFromString(String(html), "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = doc.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(doc.createTextNode(node.textContent));
      }
    });
    return out;
  }

  /** The moment of a sub-result's address (#t=70.5), in seconds; null for the page itself. */
  function momentOf(url) {
    var match = /#t=([0-9.]+)$/.exec(url);
    return match ? parseFloat(match[1]) : null;
  }

  /** The place of a result to link to: the part with the most hits (a transcript line's
   * moment, or the page itself). */
  function best(data) {
    var parts = (data.sub_results || []).slice();
    parts.sort(function (a, b) {
      return (b.locations || []).length - (a.locations || []).length;
    });
    return parts[0] || { url: data.url, excerpt: data.excerpt };
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var part = best(data);
      var item = doc.createElement("li");
      item.className = "search-result";
      var heading = doc.createElement("h2");
      var link = doc.createElement("a");
      link.href = part.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      heading.appendChild(link);
      item.appendChild(heading);
      var moment = momentOf(part.url);
      if (moment !== null) {
        var when = doc.createElement("p");
        when.className = "search-moment";
        var time = doc.createElement("a");
        time.href = part.url;
        time.textContent = formatTime(moment);
        when.appendChild(doc.createTextNode(status.getAttribute("data-moment") + " "));
        when.appendChild(time);
        item.appendChild(when);
      }
      item.appendChild(excerpt(part.excerpt || data.excerpt));
      list.appendChild(item);
    });
  }

  function search() {
    var query = foldArabic(input.value).trim();
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      say(null);
      return;
    }
    say("searching");
    load()
      .then(function () {
        return pagefind.search(query);
      })
      .then(function (found) {
        var first = found.results.slice(0, 10).map(function (r) {
          return r.data();
        });
        return Promise.all(first);
      })
      .then(function (results) {
        if (ticket !== latest) return;
        show(results);
        say(results.length ? null : "none");
      })
      .catch(function () {
        if (ticket !== latest) return;
        loading = null;
        say("failed");
      });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  // Start fetching the index as soon as the reader is in the box.
  input.addEventListener("focus", function () {
    load().catch(function () {
      loading = null;
    });
  });
  // A query in the address (?q=...), e.g. from a bookmark.
  var given = new URLSearchParams(location.search).get("q");
  if (given) {
    input.value = given;
    search();
  }
})();
