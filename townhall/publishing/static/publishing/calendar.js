// Drag a post to another day of the calendar to move it (same time of day). The server
// reschedules through the same service as the post page, so permissions, the cadence plan
// and the cool-off all apply; a refusal is read out in the status line and nothing moves.
(function () {
  "use strict";
  const table = document.getElementById("calendar");
  const status = document.getElementById("move-status");
  if (!table || !status) { return; }
  let dragged = null;

  function csrfToken() {
    const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  table.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("[data-move-url]");
    if (!dragged) { return; }
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.dataset.moveUrl);
    dragged.classList.add("dragging");
  });

  table.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("dragging"); }
    table.querySelectorAll(".drop-target").forEach(function (cell) { cell.classList.remove("drop-target"); });
  });

  table.addEventListener("dragover", function (event) {
    const cell = event.target.closest("td[data-day]");
    if (!dragged || !cell) { return; }
    event.preventDefault();
    table.querySelectorAll(".drop-target").forEach(function (c) { if (c !== cell) { c.classList.remove("drop-target"); } });
    cell.classList.add("drop-target");
  });

  table.addEventListener("drop", async function (event) {
    const cell = event.target.closest("td[data-day]");
    if (!dragged || !cell) { return; }
    event.preventDefault();
    const url = dragged.dataset.moveUrl;
    dragged = null;
    status.textContent = "Moving…";
    let answer = { message: "The server did not answer; nothing was moved." };
    let ok = false;
    try {
      const response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken() },
        body: new URLSearchParams({ day: cell.dataset.day }),
      });
      ok = response.ok;
      answer = await response.json();
    } catch (error) {
      ok = false;
    }
    if (ok) {
      window.location.reload();
    } else {
      status.textContent = answer.message;
    }
  });
})();
