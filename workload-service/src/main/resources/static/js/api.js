/*
 * Talking to the service, and signing in: every call carries this tab's access token. The page's
 * files are open; the figures come from the API with the caller's token.
 */
import { byId } from "./format.js";
import { announce, renderRefreshState, state } from "./state.js";

export const WORKLOAD_URL = "api/workload";
export const RECOMMENDATIONS_URL = "api/staffing/recommendations";
export const WHAT_IF_URL = "api/what-if";
/* This tab's access token (sessionStorage: gone when the tab closes, never shared with other tabs). */
const TOKEN_KEY = "centerline.workload.token";

/** What the rest of the page does when a session starts or ends (set by rebalance.js). */
export const session = {
  started: () => {},
  ended: () => {}
};

/**
 * Fetches JSON; rejects with an Error whose message a person can read (problem details when given).
 * The error keeps the status and the problem itself (error.problem), for forms that show its
 * per-field "errors".
 */
export function fetchJson(url, options) {
  const init = options || {};
  init.headers = Object.assign({ Accept: "application/json, application/problem+json" }, init.headers || {});
  if (state.token) {
    init.headers.Authorization = "Bearer " + state.token;
  }
  init.cache = "no-store";
  return fetch(url, init).then((response) => {
    const type = response.headers.get("Content-Type") || "";
    const body = /json/i.test(type) ? response.json().catch(() => null) : response.text().then(() => null);
    return body.then((json) => {
      if (response.ok && json) {
        return json;
      }
      let message;
      if (json && (json.title || json.detail)) {
        message = [json.title, json.detail].filter(Boolean).join(": ");
      } else if (response.ok) {
        message = "the answer was not JSON";
      } else {
        message = "HTTP " + response.status + (response.statusText ? " " + response.statusText : "");
      }
      const error = new Error(message);
      error.status = response.status;
      error.problem = response.ok ? null : json;
      throw error;
    });
  }, () => {
    throw new Error("the service did not answer (it may be restarting)");
  });
}

/** Posts a body as JSON. */
export function postJson(url, body) {
  return fetchJson(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body)
  });
}

// ---- the token ------------------------------------------------------------------------------------

/**
 * A token handed over in the address (/#token=<jwt>, as the local stack prints it) moves to this
 * tab's storage and leaves the address bar and the history at once. The fragment never reaches a
 * server; removing it keeps it out of bookmarks, shared links and screenshots.
 */
export function takeTokenFromAddress() {
  const match = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
  if (!match) {
    return null;
  }
  history.replaceState(null, "", window.location.pathname + window.location.search);
  return cleanToken(match[1]);
}

export function storedToken() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch (e) {
    return null; // storage disabled: the token lives in this page only
  }
}

function keepToken(token) {
  state.token = token;
  try {
    if (token) {
      window.sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      window.sessionStorage.removeItem(TOKEN_KEY);
    }
  } catch (e) {
    // storage disabled: the token lives in this page only
  }
}

/** What people paste: the token, "Bearer <token>", or the local stack's whole link. */
function cleanToken(text) {
  let value = String(text || "").trim();
  const link = /#token=([^&\s]*)/.exec(value);
  if (link) {
    value = link[1];
  }
  try {
    value = decodeURIComponent(value);
  } catch (e) {
    // not percent-encoded after all: the service will judge it as it is
  }
  return value.replace(/^Bearer\s+/i, "");
}

function looksLikeToken(token) {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** The token's claims, to say who is signed in. Display only: the service verifies every token. */
function claims(token) {
  try {
    let part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    while (part.length % 4) {
      part += "=";
    }
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    const parsed = JSON.parse(new TextDecoder().decode(bytes));
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch (e) {
    return {};
  }
}

function roleNames(c) {
  const roles = Array.isArray(c.roles) ? c.roles : typeof c.roles === "string" ? c.roles.split(/[ ,]+/) : [];
  return roles.length ? roles.join(", ") : "no role";
}

/** The signed-in caller's roles, "director" or "ops, admin". */
export function callerRoles() {
  return roleNames(claims(state.token));
}

/** "director-ELE (director, ELE)". */
function describeCaller(token) {
  const c = claims(token);
  return (c.sub || "unknown") + " (" + roleNames(c) + (c.center_code ? ", " + c.center_code : "") + ")";
}

/** Why the service turned the token away, and what to do about it. */
export function refusedMessage(problem) {
  if (problem.status === 403) {
    return "You are signed in as " + describeCaller(state.token) + ", who may not see the workload: it is for " +
        "Center directors (of any Center) and ops. Sign in with one of their tokens.";
  }
  return "Your token was not accepted: it has expired, or it was not issued for Centerline. Sign in with a new one.";
}

// ---- signing in and out ---------------------------------------------------------------------------

export function signIn(token) {
  keepToken(token);
  state.session += 1;
  byId("signin").hidden = true;
  byId("signin-message").textContent = "";
  byId("workload-data").hidden = false;
  byId("pause").hidden = false;
  byId("who-name").textContent = describeCaller(token);
  byId("who").hidden = false;
  byId("sign-out").hidden = false;
  document.body.setAttribute("data-auth", "signed-in");
  renderRefreshState();
  session.started();
}

/** Forgets the token and every figure fetched with it, and asks for a token, saying why. */
export function signOut(message) {
  keepToken(null);
  state.session += 1;
  clearTimeout(state.timer);
  state.timer = null;
  state.workload = null;
  state.recommendations = null;
  state.lastSuccess = null;
  state.failingSince = null;
  session.ended();
  byId("error").hidden = true;
  byId("workload-data").hidden = true;
  byId("pause").hidden = true;
  byId("who").hidden = true;
  byId("sign-out").hidden = true;
  byId("signin").hidden = false;
  byId("signin-message").textContent = message || "";
  document.body.setAttribute("data-auth", "signed-out");
  document.body.setAttribute("data-refresh", "signed-out");
  renderRefreshState();
  if (message) {
    // The message itself is an alert; focus goes where the next step is.
    byId("signin-heading").focus();
  }
}

function submitToken(event) {
  event.preventDefault();
  const input = byId("token-input");
  const token = cleanToken(input.value);
  if (!looksLikeToken(token)) {
    input.setAttribute("aria-invalid", "true");
    byId("token-error").textContent = token
        ? "That is not a token: an access token is three parts separated by dots (header.payload.signature)."
        : "Paste an access token first.";
    input.focus();
    return;
  }
  input.setAttribute("aria-invalid", "false");
  byId("token-error").textContent = "";
  input.value = "";
  signIn(token);
  announce("Signed in as " + describeCaller(token) + ". Loading the workload.");
  byId("centers-heading").focus();
}

/** Wires the sign-in form and Sign out, then signs in with the address's or the tab's token, if any. */
export function startSession() {
  byId("signin-form").addEventListener("submit", submitToken);
  byId("sign-out").addEventListener("click", () => signOut("Signed out: the token is gone from this tab."));
  const token = takeTokenFromAddress() || storedToken();
  if (token) {
    signIn(token);
  } else {
    signOut(null);
  }
}
