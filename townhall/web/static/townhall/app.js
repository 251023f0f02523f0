// Send Django's CSRF token with every htmx request (the cookie is not HttpOnly for this reason).
document.addEventListener("htmx:configRequest", function (event) {
  const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) { event.detail.headers["X-CSRFToken"] = decodeURIComponent(match[1]); }
});
