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
