/*
 * The structure panel (issue 18): compose a proposal of new Centers, merges, moves of chapters and
 * headings to any Center old or new, and staff moves; post it to /api/what-if and read every Center
 * before and after side by side. A 400's problem "errors" ([{field, message}]) are shown next to their
 * fields (and listed above the form). Keyboard only works: every control is labelled, the Add and
 * Remove buttons keep focus where the next step is, and the results are announced.
 */
import { byId, el, integer, points, replaceChildren } from "./format.js";
import { badge, band, utilizationText } from "./model.js";
import { notAllowed, parseLine, sendWhatIf } from "./whatif.js";

const ROLES = ["IMPORT_SPECIALIST", "ENTRY_SPECIALIST", "DRAWBACK_SPECIALIST"];

/** The four lists of the proposal: their rows' fields, in the order the body lists them. */
const LISTS = {
  newCenters: {
    title: "New Center", add: "Add a new Center", fields: [
      { key: "code", label: "Code", attrs: { maxlength: "3", size: "4", autocapitalize: "characters", placeholder: "ECS" } },
      { key: "name", label: "Name", attrs: { size: "26", placeholder: "E-commerce & Small Business" } },
      { key: "office", label: "Office", attrs: { size: "14", placeholder: "Los Angeles" } },
      { key: "teamCode", label: "Team code (optional)", attrs: { maxlength: "3", size: "4", inputmode: "numeric", placeholder: "011" } }
    ]
  },
  merges: {
    title: "Merge", add: "Add a merge", fields: [
      { key: "from", label: "Merge Center", center: true },
      { key: "into", label: "Into Center", center: true }
    ]
  },
  moves: {
    title: "Move", add: "Add a move", fields: [
      { key: "line", label: "HTS chapter or heading", fields: ["chapter", "heading"],
        attrs: { maxlength: "4", size: "6", inputmode: "numeric", placeholder: "61 or 9503" } },
      { key: "toCenter", label: "To Center", center: true }
    ]
  },
  staff: {
    title: "Staff move", add: "Add a staff move", fields: [
      { key: "from", label: "From Center", center: true },
      { key: "to", label: "To Center", center: true },
      { key: "role", label: "Role", options: ROLES },
      { key: "count", label: "Specialists", attrs: { type: "number", min: "1", step: "1", size: "4", value: "1" } }
    ]
  }
};

let seq = 0;
let existing = [];

/** Keeps the Center suggestions current: the Centers the service reports, then the proposed new ones. */
export function knowCenters(centers) {
  existing = (centers || []).map((c) => ({ code: c.centerCode, name: c.name }));
  fillCenterList();
}

function fillCenterList() {
  const proposed = rows("newCenters").map((row) => ({
    code: row.querySelector("[data-key=code]").value.trim().toUpperCase(),
    name: row.querySelector("[data-key=name]").value.trim() + " (new)"
  })).filter((c) => /^[A-Z]{3}$/.test(c.code));
  replaceChildren(byId("structure-centers"), existing.concat(proposed)
      .map((c) => el("option", { value: c.code, label: c.code + " – " + (c.name || c.code) })));
}

function rows(list) {
  return Array.from(byId("structure-" + list).querySelectorAll("fieldset.proposal-row"));
}

function addRow(list) {
  const spec = LISTS[list];
  seq += 1;
  const row = el("fieldset", { class: "proposal-row", "data-list": list },
      el("legend", { class: "row-legend", text: spec.title }));
  spec.fields.forEach((f) => {
    const id = "structure-" + seq + "-" + f.key;
    let control;
    if (f.options) {
      control = el("select", { id, "data-key": f.key }, f.options.map((o) =>
          el("option", { value: o, text: o.charAt(0) + o.slice(1).toLowerCase().replace(/_/g, " ") })));
    } else {
      control = el("input", Object.assign({ id, "data-key": f.key, type: "text", autocomplete: "off", spellcheck: "false" },
          f.center ? { list: "structure-centers", maxlength: "3", size: "5", autocapitalize: "characters", placeholder: "AFT" } : {},
          f.attrs || {}));
    }
    control.setAttribute("aria-describedby", id + "-error");
    row.appendChild(el("div", { class: "field" }, el("label", { for: id, text: f.label }), control,
        el("p", { id: id + "-error", class: "field-error" })));
  });
  const remove = el("button", { type: "button", class: "button-link remove-row" }, "Remove",
      el("span", { class: "visually-hidden remove-row-label" }, ""));
  remove.addEventListener("click", () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.parentNode.removeChild(row);
    numberRows(list);
    fillCenterList();
    (next ? next.querySelector("input, select") : byId("structure-add-" + list)).focus();
  });
  row.appendChild(remove);
  row.appendChild(el("p", { class: "field-error row-error" }));
  if (list === "newCenters") {
    row.addEventListener("input", fillCenterList);
  }
  byId("structure-" + list).appendChild(row);
  numberRows(list);
  return row;
}

/** "Merge 1", "Merge 2"; the row's fields are named by the path the service reports faults under. */
function numberRows(list) {
  rows(list).forEach((row, i) => {
    const title = LISTS[list].title + " " + (i + 1);
    row.querySelector(".row-legend").textContent = title;
    row.querySelector(".remove-row-label").textContent = " " + title.toLowerCase();
    row.setAttribute("data-field", list + "[" + i + "]");
    LISTS[list].fields.forEach((f) => {
      row.querySelector("[data-key=" + f.key + "]").setAttribute("data-fields",
          (f.fields || [f.key]).map((k) => list + "[" + i + "]." + k).join(" "));
    });
  });
}

function value(row, key) {
  return row.querySelector("[data-key=" + key + "]").value.trim();
}

/** The proposal as the service reads it; faults found here (a move that is no chapter or heading) block sending. */
function readProposal() {
  const body = {};
  const local = [];
  body.newCenters = rows("newCenters").map((row) => {
    const c = { code: value(row, "code").toUpperCase(), name: value(row, "name"), office: value(row, "office") };
    if (value(row, "teamCode")) {
      c.teamCode = value(row, "teamCode");
    }
    return c;
  });
  body.merges = rows("merges").map((row) => ({ from: value(row, "from").toUpperCase(), into: value(row, "into").toUpperCase() }));
  body.moves = rows("moves").map((row, i) => {
    const line = parseLine(value(row, "line"));
    if (!line) {
      local.push({ field: "moves[" + i + "].chapter", message: "Enter a chapter (1 to 99) or a 4-digit heading." });
    }
    return Object.assign(line || {}, { toCenter: value(row, "toCenter").toUpperCase() });
  });
  body.staff = rows("staff").map((row, i) => {
    const count = Number(value(row, "count"));
    if (!Number.isInteger(count)) {
      local.push({ field: "staff[" + i + "].count", message: "Enter a whole number of specialists." });
    }
    return { from: value(row, "from").toUpperCase(), to: value(row, "to").toUpperCase(), role: value(row, "role"), count };
  });
  Object.keys(body).forEach((k) => {
    if (!body[k].length) {
      delete body[k];
    }
  });
  return { body, local };
}

// ---- faults -----------------------------------------------------------------------------------------

function clearFaults() {
  byId("structure-form").querySelectorAll("[aria-invalid=true]").forEach((c) => c.setAttribute("aria-invalid", "false"));
  byId("structure-form").querySelectorAll(".field-error").forEach((p) => { p.textContent = ""; });
  replaceChildren(byId("structure-faults"));
  byId("structure-faults").hidden = true;
}

/** The control a fault's field names, else its row, else null (a fault of the whole proposal). */
function placeOf(field) {
  const form = byId("structure-form");
  const control = Array.from(form.querySelectorAll("[data-fields]"))
      .find((c) => c.getAttribute("data-fields").split(" ").indexOf(field) >= 0);
  if (control) {
    return { control, error: byId(control.id + "-error") };
  }
  const rowPath = /^([a-zA-Z]+\[\d+\])/.exec(field || "");
  const row = rowPath ? form.querySelector("fieldset[data-field='" + rowPath[1] + "']") : null;
  if (row) {
    return { control: row.querySelector("input, select"), error: row.querySelector(".row-error") };
  }
  return null;
}

/** Every fault next to its field, and all of them in a list above the form that leads to each. */
function showFaults(faults, title) {
  clearFaults();
  const items = faults.map((f) => {
    const place = placeOf(f.field);
    if (place) {
      place.control.setAttribute("aria-invalid", "true");
      place.error.textContent = (place.error.textContent ? place.error.textContent + " " : "") + f.message;
    }
    const label = place ? labelOf(place.control) : "The proposal";
    return el("li", null, place
        ? el("a", { href: "#" + place.control.id, "data-focus": place.control.id }, label + ": " + f.message)
        : label + ": " + f.message);
  });
  const box = byId("structure-faults");
  replaceChildren(box, el("h3", { id: "structure-faults-heading", tabindex: "-1", text: title }), el("ul", null, items));
  box.hidden = false;
  box.querySelectorAll("a[data-focus]").forEach((a) => a.addEventListener("click", (event) => {
    event.preventDefault();
    byId(a.getAttribute("data-focus")).focus();
  }));
  byId("structure-faults-heading").focus();
}

/** "Merge 1, Into Center". */
function labelOf(control) {
  const row = control.closest("fieldset.proposal-row");
  const label = control.labels && control.labels[0] ? control.labels[0].textContent : control.id;
  return row ? row.querySelector(".row-legend").textContent + ", " + label : label;
}

// ---- sending and the answer -------------------------------------------------------------------------

function submit(event) {
  event.preventDefault();
  const status = byId("structure-status");
  const read = readProposal();
  if (read.local.length) {
    showFaults(read.local, "Please correct " + (read.local.length === 1 ? "this field" : "these fields"));
    status.className = "form-status is-error";
    status.textContent = "The proposal was not sent: " + read.local.length + (read.local.length === 1 ? " fault." : " faults.");
    return;
  }
  if (!Object.keys(read.body).length) {
    status.className = "form-status is-error";
    status.textContent = "Add at least one new Center, merge, move or staff move first.";
    byId("structure-add-newCenters").focus();
    return;
  }
  clearFaults();
  sendWhatIf(STRUCTURE_FORM, read.body, (answer) => {
    renderAnswer(answer);
    status.textContent = summary(answer);
    document.body.setAttribute("data-structure", "answered");
  }, (e) => {
    const faults = e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    if (e.status === 400 && faults.length) {
      showFaults(faults, "The service found " + faults.length + (faults.length === 1 ? " fault" : " faults") + " in the proposal");
      status.textContent = "The proposal has " + faults.length + (faults.length === 1 ? " fault" : " faults") +
          ", shown next to " + (faults.length === 1 ? "its field" : "their fields") + ".";
    } else {
      status.textContent = e.status === 403 ? notAllowed() : "The proposal failed: " + e.message;
    }
    document.body.setAttribute("data-structure", "refused");
  });
}

const STRUCTURE_FORM = { button: "run-structure", status: "structure-status", result: "structure-result",
  running: "Replaying the demand window under the proposed structure…" };

function summary(answer) {
  const centers = answer.centers || [];
  const count = (kind) => centers.filter((c) => c.change === kind).length;
  const parts = ["Proposal priced: " + integer.format(answer.entriesMoved || 0) + " of " +
      integer.format(answer.entriesReplayed || 0) + " entry summaries would change Center"];
  [["NEW", "new"], ["MERGED", "merged"], ["CHANGED", "changed"]].forEach(([kind, word]) => {
    if (count(kind)) {
      parts.push(count(kind) + " " + word);
    }
  });
  if (answer.importersChangingCenter) {
    parts.push(integer.format(answer.importersChangingCenter) + " importers' accounts change Center");
  }
  return parts.join("; ") + ". The table below shows every Center before and after.";
}

const CHANGES = {
  NEW: { icon: "★", word: "New" },
  MERGED: { icon: "⇥", word: "Merged" },
  CHANGED: { icon: "●", word: "Changed" },
  UNCHANGED: { icon: "–", word: "Unchanged" }
};

function changeCell(c) {
  const kind = CHANGES[c.change] || { icon: "?", word: c.change || "unknown" };
  return el("td", { class: "change change-" + String(c.change || "").toLowerCase() },
      el("span", { "aria-hidden": "true", text: kind.icon + " " }), kind.word,
      c.mergedInto ? " into " + c.mergedInto : null);
}

/** One side (before or after) of a Center: demand, utilization, specialists, volume; "–" when it has none. */
function side(s, volume, kind) {
  if (!s) {
    const none = kind === "before" ? "not yet" : "merged away";
    return [el("td", { class: "num muted", text: none }), el("td", { class: "muted", text: "–" }),
      el("td", { class: "num muted", text: "–" }), el("td", { class: "num muted", text: "–" })];
  }
  const v = volume || { entries: 0, lines: 0, headings: 0 };
  return [
    el("td", { class: "num", text: points(s.demandPointsPerDay || 0) }),
    el("td", { class: "util" }, utilizationText(s.utilization, s.demandPointsPerDay), " ", badge(band(s.utilization, s.demandPointsPerDay))),
    el("td", { class: "num" }, el("strong", { text: integer.format(s.specialists || 0) }), " / " + integer.format(s.requiredSpecialists || 0)),
    el("td", { class: "num volume" }, integer.format(v.entries), el("span", { class: "muted" }, " · " + integer.format(v.lines) +
        " · " + integer.format(v.headings)))
  ];
}

function renderAnswer(answer) {
  const rows = (answer.centers || []).map((c) => el("tr", { "data-center": c.centerCode, "data-change": c.change,
    class: c.change && c.change !== "UNCHANGED" ? "changed" : null },
  el("th", { scope: "row" }, el("span", { class: "code", text: c.centerCode }),
      c.name ? el("span", { class: "name", text: c.name }) : null),
  changeCell(c),
  side(c.before, c.volumeBefore, "before"),
  side(c.after, c.volumeAfter, "after")));
  const cols = () => [
    el("th", { scope: "col", class: "num", text: "Demand (pts/day)" }),
    el("th", { scope: "col", text: "Utilization" }),
    el("th", { scope: "col", class: "num" }, "Specialists", el("span", { class: "unit", text: "on roster / needed" })),
    el("th", { scope: "col", class: "num" }, "Volume", el("span", { class: "unit", text: "entries · lines · headings" }))
  ];
  const table = el("table", { class: "whatif-table structure-table", id: "structure-table" },
      el("caption", null, "Every Center before and after the proposal (proposed table " +
          (answer.proposedTableVersion || "–") + "): " + integer.format(answer.entriesMoved || 0) + " of " +
          integer.format(answer.entriesReplayed || 0) + " entry summaries change Center."),
      el("thead", null,
          el("tr", null,
              el("th", { scope: "col", rowspan: "2", text: "Center" }),
              el("th", { scope: "col", rowspan: "2", text: "Change" }),
              el("th", { scope: "colgroup", colspan: "4", class: "group", id: "structure-before", text: "Before" }),
              el("th", { scope: "colgroup", colspan: "4", class: "group", id: "structure-after", text: "After" })),
          el("tr", null, cols(), cols())),
      el("tbody", null, rows));
  const moves = answer.accountMoves || [];
  const accounts = el("div", { class: "account-moves" },
      el("h3", null, "Importer accounts that change Center ",
          el("span", { class: "count", text: "(" + integer.format(answer.importersChangingCenter || 0) + ")" })),
      moves.length
          ? el("ul", { id: "account-moves" }, moves.map((m) => el("li", null,
              integer.format(m.importers) + (m.importers === 1 ? " importer" : " importers") + " from ",
              el("strong", { text: m.from }), " to ", el("strong", { text: m.to }))))
          : el("p", { class: "muted", text: "None: no importer with an account-based assignment changes Center." }));
  // Scrolls sideways on narrow screens, from the keyboard too (a focusable region).
  replaceChildren(byId("structure-result"), el("div", { class: "table-scroll", role: "region", tabindex: "0",
    "aria-label": "Every Center before and after the proposal" }, table), accounts);
}

export function clearStructure() {
  replaceChildren(byId("structure-result"));
  byId("structure-status").textContent = "";
  clearFaults();
}

/** Wires the Add buttons and the form. */
export function startStructure() {
  Object.keys(LISTS).forEach((list) => {
    byId("structure-add-" + list).addEventListener("click", () => addRow(list).querySelector("input, select").focus());
  });
  byId("structure-form").addEventListener("submit", submit);
}
