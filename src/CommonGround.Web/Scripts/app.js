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

// Hints on wording as a professional types: the same advice the form gives when saved, a moment after they pause.
if (document.querySelector("[data-language-hints]")) {
  const pauseMs = 1000;
  for (const box of document.querySelectorAll("main form textarea")) {
    const hints = document.createElement("div");
    hints.className = "cg-language-hints";
    hints.id = `${box.id || box.name}-language-hints`;
    hints.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", hints);
    let timer;
    let checked = "";
    let stopped = false;
    const check = async () => {
      const text = box.value;
      if (stopped || text === checked) {
        return;
      }
      checked = text;
      if (text.trim().length < 12) {
        hints.replaceChildren();
        return;
      }
      let findings;
      try {
        const response = await fetch("/api/v1/language/check", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ text }),
          credentials: "same-origin",
        });
        if (response.status === 429) {
          stopped = true;
          return;
        }
        if (!response.ok) {
          return;
        }
        findings = (await response.json()).findings;
      } catch {
        return;
      }
      if (box.value !== text) {
        return;
      }
      hints.replaceChildren();
      if (findings.length === 0) {
        return;
      }
      const heading = document.createElement("p");
      heading.className = "govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1";
      heading.textContent = findings.length === 1 ? "Check your wording" : `Check your wording: ${findings.length} things`;
      const list = document.createElement("ul");
      list.className = "govuk-list";
      for (const finding of findings) {
        const item = document.createElement("li");
        const phrase = document.createElement("strong");
        phrase.textContent = `“${finding.phrase}”`;
        item.append(phrase, ` ${finding.explanation} Instead: ${finding.suggestion}`);
        list.append(item);
      }
      hints.append(heading, list);
    };
    box.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(check, pauseMs);
    });
    box.addEventListener("blur", () => {
      clearTimeout(timer);
      check();
    });
  }
}

// While a download of a record is being prepared, look again every few seconds and show it once it is ready.
const preparing = document.querySelector("[data-refresh-while-preparing]");
if (preparing) {
  const region = document.getElementById("downloads");
  const status = document.querySelector("[data-download-status]");
  const started = Date.now();
  const look = async () => {
    try {
      const response = await fetch(preparing.dataset.refreshWhilePreparing, { credentials: "same-origin" });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const latest = page.getElementById("downloads");
        if (latest && !latest.querySelector("[data-refresh-while-preparing]")) {
          region.replaceChildren(...latest.childNodes);
          status.textContent = "Your download is ready.";
          return;
        }
      }
    } catch {
      // Offline for a moment: the next look will tell.
    }
    if (Date.now() - started < 10 * 60 * 1000) {
      setTimeout(look, 5000);
    }
  };
  setTimeout(look, 5000);
}
