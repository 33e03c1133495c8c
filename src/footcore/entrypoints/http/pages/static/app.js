/* footcore's only script: progressive enhancement of server-rendered pages. Every page works
   without it (forms post, all steps show); with it, the wizard and the session player show one
   step at a time, timers count down with a beep (Web Audio, no sound files), rep counters count,
   results score as they are typed, and uploads show their progress. No library, no CDN. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function postJSON(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken(),
                 "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
    });
  }

  /* Sound ------------------------------------------------------------------------------------ */
  var audio = null;
  function unlockAudio() {
    // Browsers only allow sound after a user gesture: called from the Start buttons.
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) { return; }
    if (!audio) { audio = new Ctx(); }
    if (audio.state === "suspended") { audio.resume(); }
  }
  function beep(freq, ms) {
    if (!audio) { return; }
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    var now = audio.currentTime;
    osc.type = "sine";
    osc.frequency.value = freq || 880;
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.3, now + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + (ms || 150) / 1000);
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start(now);
    osc.stop(now + (ms || 150) / 1000 + 0.02);
    document.documentElement.setAttribute("data-beeps",
      String(Number(document.documentElement.getAttribute("data-beeps") || "0") + 1));
  }

  /* Timers: count down from data-seconds; Stop (or zero) writes the elapsed time into the input
     named by data-fill, so an assessment hold fills its own result. */
  function initTimer(el) {
    var total = Number(el.getAttribute("data-seconds")) || 0;
    var face = el.querySelector("[data-remaining]");
    var start = el.querySelector("[data-start]");
    var stop = el.querySelector("[data-stop]");
    var announce = el.querySelector("[data-announce]");
    var fill = el.getAttribute("data-fill");
    var countInto = el.getAttribute("data-count-into");
    var handle = null, endAt = 0, lastWhole = total;

    function say(text) { if (announce) { announce.textContent = text; } }
    function show(seconds) { face.textContent = String(Math.max(0, Math.ceil(seconds))); }
    function finish(elapsed, reachedZero) {
      window.clearInterval(handle);
      handle = null;
      el.classList.remove("running");
      el.classList.toggle("finished", reachedZero);
      el.setAttribute("data-state", reachedZero ? "finished" : "stopped");
      start.disabled = false;
      stop.disabled = true;
      start.textContent = "Start again";
      if (fill) {
        var input = document.getElementsByName(fill)[0];
        if (input) {
          input.value = String(Math.round(elapsed * 10) / 10);
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
      if (reachedZero && countInto) {
        // A hold held to the end counts as one set done on that side.
        var sets = document.getElementsByName(countInto)[0];
        if (sets) {
          sets.value = String(Number(sets.value || "0") + 1);
          sets.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
      if (reachedZero) { beep(660, 600); say("Time! " + total + " seconds."); }
      else { say("Stopped at " + Math.round(elapsed) + " seconds."); }
      el.dispatchEvent(new CustomEvent("fc:timer", {
        bubbles: true, detail: { elapsed: elapsed, reachedZero: reachedZero }
      }));
    }
    function tick() {
      var left = (endAt - Date.now()) / 1000;
      show(left);
      var whole = Math.ceil(left);
      if (whole !== lastWhole) {
        lastWhole = whole;
        if (whole > 0 && whole <= 3) { beep(880, 120); }
        if (whole > 0 && whole % 10 === 0) { say(whole + " seconds left"); }
      }
      if (left <= 0) { finish(total, true); }
    }
    start.addEventListener("click", function () {
      unlockAudio();
      beep(1040, 90);
      endAt = Date.now() + total * 1000;
      lastWhole = total;
      el.classList.add("running");
      el.classList.remove("finished");
      el.setAttribute("data-state", "running");
      start.disabled = true;
      stop.disabled = false;
      el.dispatchEvent(new CustomEvent("fc:timerstart", { bubbles: true }));
      say("Started: " + total + " seconds");
      show(total);
      handle = window.setInterval(tick, 200);
    });
    stop.addEventListener("click", function () {
      if (!handle) { return; }
      finish(total - Math.max(0, (endAt - Date.now()) / 1000), false);
    });
  }

  /* A session's hold, as done: a hold stopped early still counts as a set, and the seconds field
     keeps the shortest hold of the sets (what every set reached), never the prescribed time. */
  function initHoldLog(el) {
    var held = document.getElementsByName(el.getAttribute("data-held-into"))[0];
    var sets = document.getElementsByName(el.getAttribute("data-count-into"))[0];
    el.addEventListener("fc:timer", function (ev) {
      var seconds = Math.round(ev.detail.elapsed);
      if (seconds < 1) { return; }  // a tap on Start then Stop: no set was held
      if (held) {
        var before = Number(held.value || "0");
        held.value = String(before > 0 ? Math.min(before, seconds) : seconds);
      }
      if (!ev.detail.reachedZero && sets) {  // a hold that reached zero is counted already
        sets.value = String(Number(sets.value || "0") + 1);
        sets.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  /* The rest between sets: when a set is counted and more are to come, the prescribed rest
     counts down (Skip ends it). */
  function initRestTimer(section) {
    var rest = section.querySelector("[data-rest-timer]");
    if (!rest) { return; }
    var total = Number(rest.getAttribute("data-seconds")) || 0;
    var left = rest.querySelector("[data-rest-left]");
    var handle = null, endAt = 0;
    function stop() {
      window.clearInterval(handle);
      handle = null;
      rest.hidden = true;
      rest.setAttribute("data-state", "idle");
    }
    function tick() {
      var remaining = Math.ceil((endAt - Date.now()) / 1000);
      left.textContent = String(Math.max(0, remaining));
      if (remaining <= 0) { beep(660, 300); stop(); }
    }
    section.addEventListener("fc:count", function (ev) {
      var name = ev.target.getAttribute("name") || "";
      var d = ev.detail;
      if (name.indexOf("sets_") !== 0 || d.value <= d.before || d.value >= d.target) { return; }
      window.clearInterval(handle);
      endAt = Date.now() + total * 1000;
      rest.hidden = false;
      rest.setAttribute("data-state", "running");
      left.textContent = String(total);
      handle = window.setInterval(tick, 200);
    });
    rest.querySelector("[data-rest-skip]").addEventListener("click", stop);
  }

  /* The player's picture follows the set: step 1 (the start position) until a timer runs, then
     the held pose (the last step) for a hold or the movement (step 2) for reps, and step 1 again
     once every timer of the exercise has stopped. Without this script all steps show unmarked. */
  function initPictureSteps(stage) {
    var steps = Array.prototype.slice.call(stage.querySelectorAll("figure.picture svg"));
    if (!steps.length) { return; }
    var hold = stage.getAttribute("data-running") === "hold";
    var running = hold ? steps.length - 1 : Math.min(1, steps.length - 1);
    function mark() {
      var current = stage.querySelector("[data-timer].running") ? running : 0;
      steps.forEach(function (svg, j) {
        if (j === current) { svg.setAttribute("aria-current", "step"); }
        else { svg.removeAttribute("aria-current"); }
      });
      stage.setAttribute("data-picture-step", String(current + 1));
    }
    stage.addEventListener("fc:timerstart", mark);
    stage.addEventListener("fc:timer", mark);
    mark();
  }

  /* Rep counters: +/- buttons around a number input (the input is what the form posts). */
  function initCounter(el) {
    var input = el.querySelector("input");
    var out = document.createElement("output");
    var minus = document.createElement("button");
    var plus = document.createElement("button");
    var label = el.getAttribute("data-label") || "count";
    var max = Number(input.getAttribute("max") || "999");
    var target = Number(el.getAttribute("data-target") || max);
    minus.type = plus.type = "button";
    minus.className = plus.className = "secondary";
    minus.textContent = "−";
    plus.textContent = "+";
    minus.setAttribute("aria-label", "One less: " + label);
    plus.setAttribute("aria-label", "One more: " + label);
    out.setAttribute("aria-live", "polite");
    var shown = null;
    function set(v) {
      v = Math.max(0, Math.min(max, v));
      var before = shown;
      shown = v;
      input.value = String(v);
      out.textContent = String(v);
      out.setAttribute("aria-label", label + ": " + v);
      if (before !== null && before !== v) {
        input.dispatchEvent(new CustomEvent("fc:count", {
          bubbles: true, detail: { value: v, before: before, target: target }
        }));
      }
    }
    set(Number(input.value || "0"));
    input.hidden = true;
    input.addEventListener("change", function () { set(Number(input.value || "0")); });
    minus.addEventListener("click", function () { set(Number(input.value || "0") - 1); });
    plus.addEventListener("click", function () {
      unlockAudio();
      set(Number(input.value || "0") + 1);
      if (Number(input.value) === target) { beep(990, 160); }
    });
    el.appendChild(minus);
    el.appendChild(out);
    el.appendChild(plus);
  }

  /* Steps: one section at a time with Back / Next, for the wizard and the session player. */
  function initSteps(form, stepSelector, onLeave) {
    var steps = Array.prototype.slice.call(form.querySelectorAll(stepSelector));
    var prev = form.querySelector("[data-prev]");
    var next = form.querySelector("[data-next]");
    var finish = form.querySelector("[data-finish]");
    var progress = form.querySelector("[data-progress]");
    var i = 0;
    if (steps.length < 2) { return; }
    function show(n, focus) {
      i = Math.max(0, Math.min(steps.length - 1, n));
      steps.forEach(function (s, j) { s.hidden = j !== i; });
      prev.hidden = i === 0;
      next.hidden = i === steps.length - 1;
      finish.hidden = i !== steps.length - 1;
      if (progress) { progress.textContent = "Step " + (i + 1) + " of " + steps.length; }
      if (focus) {
        var h = steps[i].querySelector("h2");
        if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
        window.scrollTo(0, 0);
      }
    }
    next.addEventListener("click", function () {
      var fields = steps[i].querySelectorAll("input, select");
      for (var k = 0; k < fields.length; k++) {
        if (!fields[k].checkValidity()) { fields[k].reportValidity(); return; }
      }
      if (onLeave) { onLeave(steps[i]); }
      show(i + 1, true);
    });
    prev.addEventListener("click", function () { show(i - 1, true); });
    show(0, false);
  }

  /* The assessment wizard scores each test as soon as a value is in. */
  function sideValue(form, name, kind) {
    var field = form.elements[name];
    if (!field) { return null; }
    var raw = field.value;
    if (raw === "" || raw === undefined) { return null; }
    if (kind === "number") { return Number(raw); }
    if (kind === "boolean") { return raw === "yes"; }
    return raw;
  }
  function describe(f) {
    function side(label, v, standing) {
      if (v === null) { return label + ": not done"; }
      var text = v === true ? "yes" : v === false ? "no" : String(v) + (typeof v === "number" ? " " + f.unit : "");
      return label + ": " + text + ", " + standing.replace("_", " ");
    }
    var parts = [side("Left", f.left, f.standing.left), side("Right", f.right, f.standing.right)];
    if (f.norm.reference !== null) { parts.push("norm " + f.norm.low + "–" + f.norm.high + " " + f.unit); }
    if (f.asymmetry) { parts.push("left and right differ beyond the test's measurement error"); }
    return parts.join(" · ");
  }
  function initWizard(form) {
    var url = form.getAttribute("data-score-url");
    function score(step) {
      var test = step.getAttribute("data-test");
      if (!test || !url) { return; }
      var kind = step.getAttribute("data-kind");
      var left = sideValue(form, test + "_left", kind);
      var right = sideValue(form, test + "_right", kind);
      var out = step.querySelector("[data-score]");
      if (left === null && right === null) { out.textContent = ""; return; }
      var age = form.elements.age ? Number(form.elements.age.value) : null;
      var body = {
        results: { date: form.elements.date.value, tests: {} }
      };
      body.results.tests[test] = { left: left, right: right };
      if (age) {
        body.profile = { runner: { age: age, sex: form.elements.sex.value } };
      }
      postJSON(url, body).then(function (r) {
        if (!r.ok) { out.textContent = r.data.error || "Could not score this test."; return; }
        var f = r.data.findings[0];
        out.textContent = f ? describe(f) : "";
        out.className = "score " + (f && f.priority ? "problem" : "done");
      }).catch(function () { out.textContent = ""; });
    }
    form.addEventListener("change", function (ev) {
      var step = ev.target.closest("[data-test]");
      if (step) { score(step); }
    });
    initSteps(form, "[data-step]", score);
  }

  /* Uploads: XHR so the progress bar moves; the API answers with a JSON summary. */
  function initUpload(form) {
    var bar = form.querySelector("progress");
    var status = form.querySelector("[data-upload-status]");
    var list = form.querySelector("[data-upload-results]");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var input = form.querySelector('input[type="file"]');
      if (!input.files.length) { status.textContent = "Choose one or more files first."; return; }
      var data = new FormData(form);  // the files and the shoe they were run in
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("data-upload"));
      xhr.setRequestHeader("X-CSRF-Token", csrfToken());
      xhr.setRequestHeader("Accept", "application/json");
      bar.hidden = false;
      bar.value = 0;
      status.textContent = "Uploading " + input.files.length + " file(s)…";
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(100 * e.loaded / e.total);
          status.textContent = "Uploading: " + bar.value + "%";
        }
      });
      xhr.addEventListener("load", function () {
        var data = null;
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
        bar.value = 100;
        if (xhr.status >= 400 || !data) {
          status.textContent = (data && data.error) || "The upload failed (" + xhr.status + ").";
          return;
        }
        status.textContent = data.summary || "Done.";
        list.textContent = "";
        (data.files || []).forEach(function (f) {
          var li = document.createElement("li");
          li.textContent = f.source + ": " + f.outcome + (f.detail ? " (" + f.detail + ")" : "");
          list.appendChild(li);
        });
        var again = document.createElement("li");
        var link = document.createElement("a");
        link.href = "/runs";
        link.textContent = "See your runs";
        again.appendChild(link);
        list.appendChild(again);
      });
      xhr.addEventListener("error", function () { status.textContent = "The upload failed: is footcore still running?"; });
      xhr.send(data);
    });
  }

  /* The tabs row on a phone: while tabs are out of sight to the right, the row fades out there
     and More scrolls them into view. */
  function initNavMore(button) {
    var row = button.parentNode.querySelector("ul");
    function update() {
      var more = row.scrollLeft + row.clientWidth < row.scrollWidth - 2;
      button.hidden = !more;
      row.classList.toggle("more-right", more);
    }
    button.addEventListener("click", function () {
      row.scrollBy({ left: row.clientWidth * 0.8, behavior: "auto" });
      update();
    });
    row.addEventListener("scroll", update);
    window.addEventListener("resize", update);
    var current = row.querySelector('[aria-current="page"]');
    if (current && current.scrollIntoView) { current.scrollIntoView({ block: "nearest", inline: "nearest" }); }
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-nav-more]"), initNavMore);
    Array.prototype.forEach.call(document.querySelectorAll("[data-timer]"), initTimer);
    Array.prototype.forEach.call(document.querySelectorAll("[data-held-into]"), initHoldLog);
    Array.prototype.forEach.call(document.querySelectorAll("[data-counter]"), initCounter);
    Array.prototype.forEach.call(document.querySelectorAll("[data-exercise]"), initRestTimer);
    Array.prototype.forEach.call(document.querySelectorAll("[data-stage]"), initPictureSteps);
    Array.prototype.forEach.call(document.querySelectorAll("[data-wizard]"), initWizard);
    Array.prototype.forEach.call(document.querySelectorAll("[data-player]"), function (form) {
      initSteps(form, "[data-exercise]", null);
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[data-upload]"), initUpload);
    Array.prototype.forEach.call(document.querySelectorAll("[data-back]"), function (a) {
      a.addEventListener("click", function (ev) {
        if (window.history.length > 1) { ev.preventDefault(); window.history.back(); }
      });
    });
  });
}());

// Pictures (issue 13): their steps loop gently with SVG animation; a reader who asks for less
// motion sees each step still, in its own pose (where every loop starts).
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("figure.picture svg").forEach(function (svg) {
      if (typeof svg.pauseAnimations === "function") {
        svg.pauseAnimations();
        svg.setCurrentTime(0);
      }
    });
  });
}());
