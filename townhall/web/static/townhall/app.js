// Send Django's CSRF token with every htmx request (the cookie is not HttpOnly for this reason).
document.addEventListener("htmx:configRequest", function (event) {
  const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) { event.detail.headers["X-CSRFToken"] = decodeURIComponent(match[1]); }
});

// Boxes that scroll sideways (wide tables on phones) must be reachable by keyboard (WCAG 2.1.1,
// axe scrollable-region-focusable): make each one a named region in the tab order.
function townhallScrollRegions(root) {
  (root || document).querySelectorAll(".table-wrap").forEach(function (box) {
    if (box.hasAttribute("tabindex")) { return; }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
      const caption = box.querySelector("caption");
      const heading = box.previousElementSibling && /^H[1-6]$/.test(box.previousElementSibling.tagName) ? box.previousElementSibling : null;
      const section = box.closest("section[aria-labelledby]");
      const named = caption || heading || (section && document.getElementById(section.getAttribute("aria-labelledby")));
      box.setAttribute("aria-label", named ? named.textContent.trim() + " (scrolls sideways)" : "Table (scrolls sideways)");
    }
  });
}
document.addEventListener("DOMContentLoaded", function () { townhallScrollRegions(document); });
document.addEventListener("htmx:afterSwap", function (event) { townhallScrollRegions(event.target); });
