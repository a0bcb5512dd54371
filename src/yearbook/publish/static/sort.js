// Sortable tables: every column header of a table.sortable is a button;
// activating it (click, Enter or Space) sorts the rows by that column.
(function () {
  "use strict";
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    if (raw === null) { return { num: false, text: cell.textContent.trim().toLowerCase() }; }
    if (raw === "") { return { num: true, value: -Infinity }; }
    var value = parseFloat(raw);
    return isNaN(value) ? { num: false, text: raw.toLowerCase() } : { num: true, value: value };
  }
  function compare(a, b) {
    if (a.num && b.num) { return a.value - b.value; }
    var x = a.num ? String(a.value) : a.text, y = b.num ? String(b.value) : b.text;
    return x.localeCompare(y);
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (r1, r2) {
      var c = compare(key(r1.cells[index]), key(r2.cells[index]));
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setup(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      button.addEventListener("click", function () { sortBy(table, index, th); });
      th.textContent = "";
      th.appendChild(button);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), setup);
  });
})();
