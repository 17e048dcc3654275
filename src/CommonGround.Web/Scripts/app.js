// Progressive enhancement only: every page works without this file.
import { initAll } from "/dist/govuk-frontend.min.js";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
initAll();

// The timeout warning: two minutes before a session would end for lack of activity, offer to stay signed in.
const warning = document.getElementById("timeout-warning");
if (warning && typeof warning.showModal === "function") {
  const idleMs = Number(warning.dataset.idleSeconds) * 1000;
  const warnBeforeMs = 2 * 60 * 1000;
  const form = warning.querySelector("[data-stay-signed-in]");
  const message = warning.querySelector("[data-timeout-message]");
  let warnTimer;
  let endTimer;
  const start = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => warning.showModal(), idleMs - warnBeforeMs);
    endTimer = setTimeout(() => {
      warning.querySelector("h2").textContent = "You have been signed out";
      message.textContent = "You were signed out after 30 minutes without activity. Anything you send now is kept, not saved, until you sign in again.";
      form.hidden = true;
    }, idleMs);
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (response.ok) {
      warning.close();
      start();
    } else {
      form.submit();
    }
  });
  start();
}

// A copy button for text the page shows once, such as a new share link.
for (const button of document.querySelectorAll("[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = document.querySelector(`[data-copied="${button.dataset.copy}"]`);
  if (!source || !navigator.clipboard) {
    continue;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      status.textContent = "Link copied. Paste it into your message.";
    } catch {
      status.textContent = "Your browser did not let us copy it. Select the link and copy it yourself.";
    }
  });
}
