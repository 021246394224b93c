/*
 * The refresh loop: the workload and the recommendations 5 seconds after the previous answer, paused
 * on request or while the tab is hidden; failures are said on the page, never thrown to the console.
 */
import { RECOMMENDATIONS_URL, WORKLOAD_URL, fetchJson, refusedMessage, signOut } from "./api.js";
import { byId, clock, el, replaceChildren } from "./format.js";
import { REFRESH_MS, announce, renderRefreshState, state } from "./state.js";

/** Draws the figures in state (set by rebalance.js). */
export const figures = {
  render: () => {}
};

function scheduleRefresh() {
  clearTimeout(state.timer);
  state.timer = null;
  if (!state.paused) {
    state.timer = setTimeout(refresh, REFRESH_MS);
  }
}

export function refresh() {
  if (state.inFlight || !state.token) {
    return;
  }
  if (document.hidden) {
    // Nobody is looking: try again when the tab is visible (see visibilitychange below).
    state.timer = null;
    return;
  }
  state.inFlight = true;
  const session = state.session;
  const answers = {};
  const workload = fetchJson(WORKLOAD_URL).then((w) => {
    answers.workload = w;
    return null;
  }, (e) => ({ what: "workload", message: e.message, status: e.status }));
  const recommendations = fetchJson(RECOMMENDATIONS_URL).then((r) => {
    answers.recommendations = r;
    return null;
  }, (e) => ({ what: "recommendations", message: e.message, status: e.status }));
  Promise.all([workload, recommendations]).then((errors) => {
    state.inFlight = false;
    if (session !== state.session) {
      // Signed out or in again meanwhile: these answers belong to another token.
      refresh();
      return;
    }
    const problems = errors.filter(Boolean);
    const refused = problems.filter((p) => p.status === 401 || p.status === 403)[0];
    if (refused) {
      signOut(refusedMessage(refused));
      return;
    }
    state.workload = answers.workload || state.workload;
    state.recommendations = answers.recommendations || state.recommendations;
    try {
      figures.render();
    } finally {
      // A rendering bug must not stop the refreshes; it still reaches the console (and fails the browser test).
      scheduleRefresh();
    }
    if (problems.length === 0) {
      state.lastSuccess = new Date();
      state.failingSince = null;
      hideError();
      document.body.setAttribute("data-refresh", "ok");
    } else {
      state.failingSince = state.failingSince || new Date();
      showError(problems);
      document.body.setAttribute("data-refresh", "error");
    }
    renderRefreshState();
    document.body.setAttribute("data-refreshes", String(Number(document.body.getAttribute("data-refreshes") || 0) + 1));
  });
}

/** Groups the failures by message: "the workload and the recommendations (Service Unavailable: …)". */
function describeProblems(problems) {
  const byMessage = {};
  const order = [];
  problems.forEach((p) => {
    const message = p.message.replace(/[.\s]+$/, "");
    if (!byMessage[message]) {
      byMessage[message] = [];
      order.push(message);
    }
    byMessage[message].push("the " + p.what);
  });
  return order.map((message) => byMessage[message].join(" and ") + " (" + message + ")").join("; ");
}

function showError(problems) {
  const what = describeProblems(problems);
  const text = "Could not refresh " + what + ". Trying again every " + (REFRESH_MS / 1000) +
      " seconds; failing since " + clock(state.failingSince) + ". " +
      (state.lastSuccess ? "The figures shown are from " + clock(state.lastSuccess) + "." : "No figures yet.");
  byId("error-text").textContent = text;
  byId("error").hidden = false;
  if (!state.workload) {
    replaceChildren(byId("centers-body"), el("tr", null, el("td", { colspan: "9", class: "placeholder",
      text: "No figures yet: the service did not answer. The page keeps trying." })));
    byId("data-line").textContent = "No figures yet.";
  }
  if (!state.recommendations) {
    replaceChildren(byId("recommendations"), el("p", { class: "placeholder", text: "No recommendations yet: the service did not answer." }));
  }
  announce("Update failed: could not refresh " + what + ".");
}

function hideError() {
  if (!byId("error").hidden) {
    byId("error").hidden = true;
    announce("Updates are working again.");
  }
}

function setPaused(paused) {
  state.paused = paused;
  const button = byId("pause");
  button.setAttribute("aria-pressed", paused ? "true" : "false");
  button.textContent = paused ? "Resume updates" : "Pause updates";
  renderRefreshState();
  announce(paused ? "Live updates paused." : "Live updates resumed.");
  if (paused) {
    clearTimeout(state.timer);
    state.timer = null;
  } else {
    refresh();
  }
}

/** Wires Pause/Resume and the tab's visibility. */
export function startPolling() {
  byId("pause").addEventListener("click", () => setPaused(!state.paused));
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && !state.paused && !state.timer && !state.inFlight) {
      refresh();
    }
  });
}
