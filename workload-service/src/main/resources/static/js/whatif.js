/*
 * The what-if form for moves only: chapters or headings to another Center; posts to /api/what-if and
 * shows every Center before and after.
 */
import { WHAT_IF_URL, callerRoles, postJson, refusedMessage, signOut } from "./api.js";
import { byId, el, integer, pad2, points, replaceChildren } from "./format.js";
import { badge, band, utilizationText } from "./model.js";

let moveSeq = 0;

/** Fills every "To Center" list that is still empty with the Centers the service reports. */
export function fillCenterOptions(centers) {
  document.querySelectorAll("select.move-center").forEach((select) => fillSelect(select, centers));
}

function fillSelect(select, centers) {
  if (!centers.length || select.getAttribute("data-filled") === "true") {
    return;
  }
  const previous = select.value;
  replaceChildren(select, el("option", { value: "", text: "Choose a Center" }),
      centers.slice().sort((a, b) => (a.centerCode < b.centerCode ? -1 : 1))
          .map((c) => el("option", { value: c.centerCode, text: c.centerCode + " – " + (c.name || c.centerCode) })));
  select.value = previous;
  select.setAttribute("data-filled", "true");
}

function addMove(centers) {
  moveSeq += 1;
  const n = moveSeq;
  const codeId = "move-" + n + "-code";
  const centerId = "move-" + n + "-center";
  const errorId = "move-" + n + "-error";
  const select = el("select", { id: centerId, name: "toCenter", class: "move-center", required: true },
      el("option", { value: "", text: "Loading Centers…" }));
  const row = el("fieldset", { class: "move", "data-move": String(n) },
      el("legend", { class: "move-legend", text: "Move" }),
      el("div", { class: "field" },
          el("label", { for: codeId, text: "HTS chapter or heading" }),
          el("input", { id: codeId, name: "code", class: "move-code", type: "text", inputmode: "numeric",
            autocomplete: "off", maxlength: "4", size: "6", placeholder: "85 or 8471", required: true,
            "aria-describedby": errorId })),
      el("div", { class: "field" },
          el("label", { for: centerId, text: "To Center" }),
          select),
      el("button", { type: "button", class: "button-link remove-move" }, "Remove",
          el("span", { class: "visually-hidden remove-move-label" }, "")),
      el("p", { id: errorId, class: "field-error" }));
  row.querySelector(".remove-move").addEventListener("click", () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.parentNode.removeChild(row);
    numberMoves();
    (next ? next.querySelector(".move-code") : byId("add-move")).focus();
  });
  byId("moves").appendChild(row);
  if (centers) {
    fillSelect(select, centers);
  }
  numberMoves();
  return row;
}

/** Renumbers the legends ("Move 1", "Move 2") and shows Remove only when there is more than one move. */
function numberMoves() {
  const rows = byId("moves").querySelectorAll("fieldset.move");
  rows.forEach((row, i) => {
    row.querySelector(".move-legend").textContent = "Move " + (i + 1);
    row.querySelector(".remove-move-label").textContent = " move " + (i + 1);
    row.querySelector(".remove-move").hidden = rows.length < 2;
  });
}

/** "85" -> {chapter:"85"}, "7" -> {chapter:"07"}, "8471" -> {heading:"8471"}, else null. */
export function parseLine(text) {
  const code = String(text || "").replace(/\s+/g, "");
  if (/^\d{1,2}$/.test(code) && Number(code) >= 1 && Number(code) <= 99) {
    return { chapter: pad2(Number(code)) };
  }
  if (/^\d{4}$/.test(code) && Number(code.slice(0, 2)) >= 1) {
    return { heading: code };
  }
  return null;
}

function readMoves() {
  const moves = [];
  let firstInvalid = null;
  byId("moves").querySelectorAll("fieldset.move").forEach((row, i) => {
    const input = row.querySelector(".move-code");
    const select = row.querySelector(".move-center");
    const error = row.querySelector(".field-error");
    const move = parseLine(input.value);
    let message = "";
    if (!move) {
      message = "Move " + (i + 1) + ": enter a chapter (1 to 99) or a 4-digit heading.";
    } else if (!select.value) {
      message = "Move " + (i + 1) + ": choose the Center to move it to.";
    }
    input.setAttribute("aria-invalid", message && !move ? "true" : "false");
    select.setAttribute("aria-invalid", message && move ? "true" : "false");
    error.textContent = message;
    if (message) {
      firstInvalid = firstInvalid || (move ? select : input);
    } else {
      move.toCenter = select.value;
      moves.push(move);
    }
  });
  return { moves, firstInvalid };
}

function submitWhatIf(event) {
  event.preventDefault();
  const status = byId("whatif-status");
  const read = readMoves();
  if (read.firstInvalid) {
    status.textContent = "Please correct the highlighted move.";
    status.className = "form-status is-error";
    read.firstInvalid.focus();
    return;
  }
  sendWhatIf(WHATIF_FORM, { moves: read.moves }, (answer) => {
    renderWhatIf(answer, read.moves);
    const changed = (answer.centers || []).filter(whatIfChanged).length;
    status.textContent = "What-if done: " + integer.format(answer.entriesMoved || 0) + " of " +
        integer.format(answer.entriesReplayed || 0) + " entry summaries would move; " + changed +
        (changed === 1 ? " Center changes." : " Centers change.") + " The table below shows every Center before and after.";
  }, (e) => {
    status.textContent = e.status === 403 ? notAllowed() : "The what-if failed: " + e.message;
  });
}

const WHATIF_FORM = { button: "run-whatif", status: "whatif-status", result: "whatif-result",
  running: "Replaying the demand window under the proposed table…" };
const running = new Set();

/**
 * Sends a what-if for one form (its button, status line and result region by id): ignored while that form's
 * last one runs; meanwhile the button is aria-disabled, the status says what runs and the result is aria-busy.
 * A 401 signs out; any other refusal goes to onRefused with the status already styled as an error.
 */
export function sendWhatIf(form, body, onAnswer, onRefused) {
  if (running.has(form)) {
    return;
  }
  running.add(form);
  const button = byId(form.button);
  const status = byId(form.status);
  const result = byId(form.result);
  button.setAttribute("aria-disabled", "true");
  status.className = "form-status";
  status.textContent = form.running;
  result.setAttribute("aria-busy", "true");
  postJson(WHAT_IF_URL, body).then(onAnswer, (e) => {
    if (e.status === 401) {
      signOut(refusedMessage(e));
      return;
    }
    status.className = "form-status is-error";
    onRefused(e);
  }).then(() => {
    running.delete(form);
    button.removeAttribute("aria-disabled");
    result.removeAttribute("aria-busy");
  });
}

/** What a 403 on a what-if says. */
export function notAllowed() {
  return "Your role (" + callerRoles() + ") may not run a what-if: only a Center director or an admin may. " +
      "The figures above are unchanged.";
}

function whatIfChanged(c) {
  const b = c.before || {};
  const a = c.after || {};
  return Math.abs((a.demandPointsPerDay || 0) - (b.demandPointsPerDay || 0)) >= 0.05 ||
      (a.requiredSpecialists || 0) !== (b.requiredSpecialists || 0);
}

function describeMoves(moves) {
  return moves.map((m) => (m.chapter ? "chapter " + m.chapter : "heading " + m.heading) + " to " + m.toCenter).join(", ");
}

function renderWhatIf(answer, moves) {
  const rows = (answer.centers || []).map((c) => {
    const b = c.before || {};
    const a = c.after || {};
    const delta = (a.demandPointsPerDay || 0) - (b.demandPointsPerDay || 0);
    const bb = band(b.utilization, b.demandPointsPerDay);
    const ab = band(a.utilization, a.demandPointsPerDay);
    return el("tr", { class: whatIfChanged(c) ? "changed" : null, "data-center": c.centerCode },
        el("th", { scope: "row" }, c.centerCode),
        el("td", { class: "num", text: points(b.demandPointsPerDay || 0) }),
        el("td", { class: "num", text: points(a.demandPointsPerDay || 0) }),
        el("td", { class: "num delta" }, Math.abs(delta) < 0.05 ? "no change"
            : el("span", null, el("span", { "aria-hidden": "true", text: delta > 0 ? "▲ " : "▼ " }),
                (delta > 0 ? "+" : "−") + points(Math.abs(delta)))),
        el("td", null, utilizationText(b.utilization, b.demandPointsPerDay), " ", badge(bb)),
        el("td", null, utilizationText(a.utilization, a.demandPointsPerDay), " ", badge(ab)),
        el("td", { class: "num", text: integer.format(b.requiredSpecialists || 0) }),
        el("td", { class: "num", text: integer.format(a.requiredSpecialists || 0) }));
  });
  const table = el("table", { class: "whatif-table", id: "whatif-table" },
      el("caption", null,
          "Before and after moving " + describeMoves(moves) + " (proposed table " +
          (answer.proposedTableVersion || "–") + "): " + integer.format(answer.entriesMoved || 0) + " of " +
          integer.format(answer.entriesReplayed || 0) + " entry summaries move."),
      el("thead", null, el("tr", null,
          el("th", { scope: "col", text: "Center" }),
          el("th", { scope: "col", class: "num", text: "Demand before (pts/day)" }),
          el("th", { scope: "col", class: "num", text: "Demand after (pts/day)" }),
          el("th", { scope: "col", class: "num", text: "Change" }),
          el("th", { scope: "col", text: "Utilization before" }),
          el("th", { scope: "col", text: "Utilization after" }),
          el("th", { scope: "col", class: "num", text: "Specialists needed before" }),
          el("th", { scope: "col", class: "num", text: "Specialists needed after" }))),
      el("tbody", null, rows));
  replaceChildren(byId("whatif-result"), el("div", { class: "table-scroll" }, table));
}

export function clearWhatIf() {
  replaceChildren(byId("whatif-result"));
  byId("whatif-status").textContent = "";
}

/** Wires the form; the first move is there from the start. */
export function startWhatIf(centersNow) {
  byId("add-move").addEventListener("click", () => addMove(centersNow()).querySelector(".move-code").focus());
  byId("whatif-form").addEventListener("submit", submitWhatIf);
  addMove(centersNow());
}
