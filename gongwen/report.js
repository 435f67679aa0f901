// The outline follows the reader: the last heading at the top of the window or above it
// (an entry followed lands it 16 px down: scroll-margin-top) is the current one, and its entry is marked (aria-current) and kept in view. Nothing else on
// the page needs JavaScript.
(function () {
  var nav = document.getElementById("outline");
  if (!nav) return;
  var heads = [].slice.call(document.querySelectorAll(".text [data-s]"));
  var links = {};
  [].forEach.call(nav.querySelectorAll("a[data-s]"), function (a) {
    links[a.getAttribute("data-s")] = a;
  });
  var current = null, pending = false;

  function update() {
    pending = false;
    var low = 0, high = heads.length - 1, at = -1;
    while (low <= high) {  // headings stand in document order: a binary search
      var middle = (low + high) >> 1;
      if (heads[middle].getBoundingClientRect().top <= 20) { at = middle; low = middle + 1; }
      else { high = middle - 1; }
    }
    at = Math.max(at, 0);  // above the first heading, the first entry is current
    var a = heads.length ? links[heads[at].getAttribute("data-s")] || null : null;
    if (a === current) return;
    if (current) current.removeAttribute("aria-current");
    current = a;
    if (!a) return;
    a.setAttribute("aria-current", "location");
    var box = a.getBoundingClientRect(), view = nav.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom) nav.scrollTop += box.top - view.top - view.height / 3;
  }

  addEventListener("scroll", function () {
    if (!pending) { pending = true; requestAnimationFrame(update); }
  }, { passive: true });
  update();
})();
