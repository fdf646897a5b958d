/* testimony: the site's only script. No dependencies, no network requests of its own (a
 * YouTube frame only when the reader clicks for it), nothing stored.
 * Every page works without it; it adds:
 * - on the language chooser (/index.html): going on to the browser's preferred language;
 * - on story pages: the transcript and the list of parts move the video to their time,
 *   the address keeps that time (#t=70, also #t=1:10), and the line being spoken and the
 *   part playing are marked;
 *   a video behind content warnings (in a closed <details>) is shown when the reader opens
 *   it or chooses a time, never before;
 * - for a YouTube video: a button that replaces the placeholder by YouTube's player, from
 *   its privacy-enhanced domain, only when clicked.
 * - Escape or a click elsewhere closes the header's menus (they open without it).
 * Never starts playback by itself. */
(function () {
  "use strict";

  var doc = document;
  doc.documentElement.classList.add("js");

  /* ---- Language chooser ---------------------------------------------------------------- */

  var chooser = doc.querySelector("[data-languages]");
  if (chooser) chooseLanguage(chooser);

  function chooseLanguage(list) {
    // #choose (or ?choose) in the address: the reader wants the list itself.
    if (/choose/.test(location.hash + location.search)) return;
    var codes = (list.getAttribute("data-languages") || "").toLowerCase().split(/\s+/);
    var wanted = navigator.languages && navigator.languages.length
      ? navigator.languages : [navigator.language || ""];
    var match = null;
    for (var i = 0; i < wanted.length && !match; i++) {
      var tag = String(wanted[i]).toLowerCase();
      if (codes.indexOf(tag) >= 0) match = tag;
      else if (codes.indexOf(tag.split("-")[0]) >= 0) match = tag.split("-")[0];
    }
    if (!match) return;
    var links = list.querySelectorAll("a[hreflang]");
    for (var j = 0; j < links.length; j++) {
      if (links[j].getAttribute("hreflang").toLowerCase() === match) {
        location.replace(links[j].href);
        return;
      }
    }
  }

  /* ---- Language switcher: keep the position in the video -------------------------------- */

  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lang-nav a[hreflang]");
    if (link && /^#t=/.test(location.hash)) link.hash = location.hash;
  });

  /* ---- Header menus (<details>): Escape or a click elsewhere closes them ------------------ */

  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var menu = doc.querySelector(".site-header details[open]");
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
  doc.addEventListener("click", function (event) {
    var menus = doc.querySelectorAll(".site-header details[open]");
    for (var i = 0; i < menus.length; i++) {
      if (!menus[i].contains(event.target)) menus[i].open = false;
    }
  });

  /* ---- YouTube: click to load ----------------------------------------------------------- */

  var external = doc.querySelector(".video-external[data-embed]");
  if (external) youtube(external);

  /* Until the click, nothing comes from YouTube (the poster is the site's own). The frame gets
   * no referrer, and only what YouTube's player needs to play (scripts in its own origin,
   * fullscreen). */
  function youtube(box) {
    var load = box.querySelector(".video-load");
    var button = box.querySelector(".video-load-button");
    if (!load || !button) return;
    load.hidden = false;
    button.addEventListener("click", function () {
      var frame = doc.createElement("iframe");
      frame.src = box.getAttribute("data-embed");
      frame.title = box.getAttribute("data-title") || "";
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation");
      frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.className = "video-frame";
      box.parentNode.replaceChild(frame, box);
      frame.focus();
    });
  }

  /* ---- Story pages ---------------------------------------------------------------------- */

  var video = doc.getElementById("video");
  if (!video || typeof video.play !== "function") return;

  var transcript = doc.getElementById("transcript");
  var cues = transcript ? Array.prototype.slice.call(transcript.querySelectorAll(".cue")) : [];
  var starts = cues.map(function (cue) {
    var button = cue.querySelector("[data-start]");
    return button ? parseFloat(button.getAttribute("data-start")) || 0 : 0;
  });
  var list = transcript && transcript.querySelector(".cues-follow");
  /* The parts of the video (segments): the one playing is marked too. */
  var parts = Array.prototype.slice.call(doc.querySelectorAll(".story-segments .segment-link[data-start]"));
  var partStarts = parts.map(function (link) {
    return parseFloat(link.getAttribute("data-start")) || 0;
  });
  var currentPart = -1;
  var current = -1;
  var pending = null;
  var lastInteraction = 0;

  /** Seconds from "70", "70.5", "1:10", "01:01:10", "npt:70", "70,80"; null if none. */
  function parseTime(text) {
    var value = String(text).replace(/^npt:/, "").split(",")[0];
    if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(value)) return null;
    return value.split(":").reduce(function (total, part) {
      return total * 60 + parseFloat(part);
    }, 0);
  }

  function timeFromHash() {
    var match = /^#t=([^&]+)/.exec(location.hash);
    return match ? parseTime(decodeURIComponent(match[1])) : null;
  }

  function formatTime(seconds) {
    return String(Math.round(seconds * 1000) / 1000);
  }

  function applyPending() {
    if (pending === null) return;
    var target = pending;
    if (isFinite(video.duration) && video.duration > 0) target = Math.min(target, video.duration);
    try {
      video.currentTime = target;
      pending = null;
    } catch (e) {
      /* not seekable yet: retried on loadedmetadata */
    }
  }

  /* The content warnings' <details>, if the video is behind them: opening it is the reader's
   * choice to watch, so the video starts loading only then. */
  var gate = video.closest ? video.closest("details") : null;
  if (gate) gate.addEventListener("toggle", function () {
    if (gate.open && video.preload === "none") video.preload = "metadata";
  });

  /** Moves the video to `seconds` without starting it; marks the line at that time. Choosing
   * a time opens the video's warnings gate: the warnings stand right before it. */
  function seek(seconds, show) {
    if (gate && !gate.open) gate.open = true;
    pending = seconds;
    mark(indexAt(seconds), false);
    markPart(seconds);
    if (show && cues[current]) reveal(cues[current], true);
    if (video.readyState >= 1) applyPending();
  }

  video.addEventListener("loadedmetadata", applyPending);

  /* The index of the transcript line (or of the part, in `list`) at `seconds`, or -1. */
  function indexAt(seconds, list) {
    var found = -1;
    list = list || starts;
    for (var i = 0; i < list.length && list[i] <= seconds + 0.05; i++) found = i;
    return found;
  }

  function markPart(seconds) {
    var index = indexAt(seconds, partStarts);
    if (index === currentPart) return;
    if (parts[currentPart]) {
      parts[currentPart].parentNode.classList.remove("is-current");
      parts[currentPart].parentNode.removeAttribute("aria-current");
    }
    currentPart = index;
    if (!parts[index]) return;
    parts[index].parentNode.classList.add("is-current");
    parts[index].parentNode.setAttribute("aria-current", "time");
  }

  function mark(index, follow) {
    if (index === current) return;
    if (current >= 0 && cues[current]) {
      cues[current].classList.remove("is-current");
      cues[current].removeAttribute("aria-current");
    }
    current = index;
    var cue = cues[index];
    if (!cue) return;
    cue.classList.add("is-current");
    cue.setAttribute("aria-current", "true");
    if (follow) reveal(cue);
  }

  /* Scrolls the transcript's own box (never the page) so that the line is in view, unless the
   * reader has been using the page in the last few seconds. */
  function reveal(cue, always) {
    if (!list || (!always && Date.now() - lastInteraction < 4000)) return;
    if (list.scrollHeight <= list.clientHeight) return;
    var box = list.getBoundingClientRect();
    var line = cue.getBoundingClientRect();
    if (line.top >= box.top && line.bottom <= box.bottom) return;
    var top = list.scrollTop + (line.top - box.top) - box.height / 3;
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (list.scrollTo) list.scrollTo({ top: top, behavior: reduce ? "auto" : "smooth" });
    else list.scrollTop = top;
  }

  ["pointerdown", "wheel", "touchstart", "keydown"].forEach(function (type) {
    (list || doc).addEventListener(type, function () { lastInteraction = Date.now(); }, { passive: true });
  });

  video.addEventListener("timeupdate", function () {
    mark(indexAt(video.currentTime), !video.paused);
    markPart(video.currentTime);
  });

  /* Clicks on a time (transcript line, part of the video), or on a line's text. */
  doc.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var target = event.target.closest && event.target.closest("[data-start]");
    if (!target) {
      // A click on a line's text seeks too, unless the reader is selecting text.
      var text = event.target.closest && event.target.closest(".cue-text");
      var selection = window.getSelection && window.getSelection();
      if (!text || (selection && !selection.isCollapsed)) return;
      target = text.parentNode.querySelector("[data-start]");
      if (!target) return;
    }
    var seconds = parseFloat(target.getAttribute("data-start"));
    if (!isFinite(seconds)) return;
    event.preventDefault();
    seek(seconds);
    history.replaceState(history.state, "", "#t=" + formatTime(seconds));
    if (target.classList.contains("segment-link")) showVideo();
  });

  /* After choosing a part of the video: bring the player into view and give it the focus, so
   * that the space bar plays it. */
  function showVideo() {
    var box = video.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      video.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
    }
    try {
      video.focus({ preventScroll: true });
    } catch (e) {
      video.focus();
    }
  }

  function followHash() {
    var seconds = timeFromHash();
    if (seconds !== null) seek(seconds, true);
  }
  window.addEventListener("hashchange", followHash);
  followHash();

  /* The video could not load (the error is on its last <source>): say so; the transcript and
   * the times above still work. */
  function failed() {
    var note = doc.querySelector(".video-error");
    if (note) note.hidden = false;
    video.classList.add("is-broken");
  }
  var sources = video.querySelectorAll("source");
  if (sources.length) sources[sources.length - 1].addEventListener("error", failed);
  video.addEventListener("error", failed);
  if (video.networkState === 3 /* NETWORK_NO_SOURCE */) failed();
})();
