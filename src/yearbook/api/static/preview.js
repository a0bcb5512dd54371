// yearbook preview: reloads the page after each good edit and shows the mistakes of a
// bad one over the last good page. Served as a file of its own (the server's
// Content-Security-Policy allows no inline script).
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="yearbook-preview"]');
  var shown = meta ? Number(meta.getAttribute("content")) : -1;
  var overlay = null;

  function line(mistake) {
    var p = document.createElement("p");
    var where = document.createElement("code");
    where.className = "where";
    where.textContent = mistake.file + (mistake.line ? ":" + mistake.line : "");
    p.appendChild(where);
    p.appendChild(document.createTextNode(" " + mistake.message));
    return p;
  }

  function show(mistakes) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "yearbook-preview-overlay";
      overlay.setAttribute("role", "alert");
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "The last edit could not be built";
    overlay.appendChild(title);
    mistakes.forEach(function (m) { overlay.appendChild(line(m)); });
    var note = document.createElement("p");
    note.className = "note";
    note.textContent = "Below is the last good build. Fix the file and save: the page follows.";
    overlay.appendChild(note);
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function poll() {
    fetch("/__preview/state", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.good !== shown && state.mistakes.length === 0) {
          window.location.reload();
          return;
        }
        if (state.mistakes.length) { show(state.mistakes); } else { hide(); }
        window.setTimeout(poll, 200);
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }

  poll();
})();
