/*
 * The rebalance view: per Center demand against capacity, recommendations, and the what-if forms.
 * ES modules by concern under js/ (no build step); this file wires them together:
 *   js/api.js              talking to the service, the access token, signing in and out
 *   js/polling.js          the 5-second refresh loop, pause, failures
 *   js/model.js            the staffing model's settings from GET /api/workload, and the bands drawn from them
 *   js/table.js            the Centers table, its summary and legend
 *   js/recommendations.js  the recommended transfers and hires
 *   js/whatif.js           the what-if of moves
 *   js/structure.js        the what-if of a Center structure: new Centers, merges, moves, staff moves
 *   js/state.js, js/format.js  shared state, the live region, DOM helpers and formats
 * Every URL is relative so the page works wherever the service serves it. Errors are shown on the
 * page, never thrown to the console.
 */
import { session, startSession } from "./js/api.js";
import { byId } from "./js/format.js";
import { useModel } from "./js/model.js";
import { figures, refresh, startPolling } from "./js/polling.js";
import { clearRecommendations, renderRecommendations } from "./js/recommendations.js";
import { state } from "./js/state.js";
import { clearWorkload, renderCenters, renderWorkload } from "./js/table.js";
import { clearStructure, knowCenters, startStructure } from "./js/structure.js";
import { clearWhatIf, fillCenterOptions, startWhatIf } from "./js/whatif.js";

function centersNow() {
  return state.workload ? state.workload.centers || [] : null;
}

figures.render = () => {
  if (state.workload) {
    useModel(state.workload.model);
    renderWorkload(state.workload, state.recommendations);
    fillCenterOptions(state.workload.centers || []);
    knowCenters(state.workload.centers || []);
  }
  if (state.recommendations) {
    renderRecommendations(state.recommendations);
  }
};

session.started = refresh;
session.ended = () => {
  useModel(null);
  clearWorkload();
  clearRecommendations();
  clearWhatIf();
  clearStructure();
};

function start() {
  byId("order").addEventListener("change", () => {
    if (state.workload) {
      renderCenters(state.workload, state.recommendations);
    }
  });
  startPolling();
  startWhatIf(centersNow);
  startStructure();
  startSession();
}

// A module runs after the document is parsed.
start();
