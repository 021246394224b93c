/*
 * The page's state, shared by its parts, and the two places every part reports to: the polite live
 * region and the banner's refresh line.
 */
import { byId, clock, el, replaceChildren } from "./format.js";

export const REFRESH_MS = 5000;

export const state = {
  workload: null,
  recommendations: null,
  paused: false,
  timer: null,
  inFlight: false,
  lastSuccess: null,
  failingSince: null,
  announced: "",
  token: null,
  /* Bumped at every sign-in and sign-out, so an answer to an earlier token is never shown. */
  session: 0
};

/** Says something in the polite live region, only when it differs from the last thing said. */
export function announce(text) {
  if (text && text !== state.announced) {
    state.announced = text;
    byId("announcer").textContent = text;
  }
}

/** "Live, updated 05:00:12", "Paused, updated …", "Retrying, updated …" or "…, no figures yet". */
export function renderRefreshState() {
  const mode = !state.token ? "Signed out" : state.paused ? "Paused" : state.failingSince ? "Retrying" : "Live";
  byId("refresh-mode").textContent = mode;
  byId("live-dot").className = "live-dot is-" + mode.toLowerCase().replace(" ", "-");
  const when = byId("refresh-when");
  if (!state.token) {
    when.textContent = "no figures";
  } else if (state.lastSuccess) {
    replaceChildren(when, "updated ", el("time", { id: "updated-at", datetime: state.lastSuccess.toISOString(),
      text: clock(state.lastSuccess) }));
  } else {
    when.textContent = state.failingSince ? "no figures yet" : "connecting…";
  }
}
