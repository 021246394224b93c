/*
 * The Centers table: one row per Center, demand against capacity, utilization band, specialists,
 * backlog, filings and commodity lines; the summary line above it and the band legend below it.
 */
import { CHAPTERS, append, byId, el, humanAge, humanWindow, integer, isNumber, pad2, percent, points,
  replaceChildren, sum } from "./format.js";
import { badge, band, bandLegend, bandOf, commodityLinesBand, currentModel, lineBadge, shareRange, utilizationText } from "./model.js";
import { announce } from "./state.js";

export function renderWorkload(w, recommendations) {
  renderDataLine(w);
  renderCenters(w, recommendations);
  replaceChildren(byId("band-legend"), bandLegend());
}

function renderDataLine(w) {
  const asOf = w.asOf ? new Date(w.asOf) : null;
  const parts = [];
  if (asOf && !isNaN(asOf.getTime())) {
    parts.push("Figures as of " + asOf.toLocaleString("en-US", {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
      hour12: false, timeZoneName: "short"
    }));
  }
  // The model's window when the service reports its model; older answers carry it at the top.
  const model = currentModel();
  parts.push("demand averaged over the last " + humanWindow(model && model.demandWindow ? model.demandWindow : w.demandWindow));
  if (w.workloadModelVersion) {
    parts.push("workload model " + w.workloadModelVersion);
  }
  byId("data-line").textContent = parts.join(" · ");
}

function afterByCenter(recommendations) {
  const map = {};
  ((recommendations && recommendations.after) || []).forEach((c) => { map[c.centerCode] = c; });
  return map;
}

function sortedCenters(centers) {
  const list = centers.slice();
  if (byId("order").value === "code") {
    list.sort((a, b) => (a.centerCode < b.centerCode ? -1 : a.centerCode > b.centerCode ? 1 : 0));
  } else {
    list.sort((a, b) => {
      const ba = band(a.utilization, a.demandPointsPerDay);
      const bb = band(b.utilization, b.demandPointsPerDay);
      if (ba.key === "none" || bb.key === "none") {
        if (ba.key !== bb.key) {
          return ba.key === "none" ? -1 : 1;
        }
        return b.demandPointsPerDay - a.demandPointsPerDay;
      }
      const ua = isNumber(a.utilization) ? a.utilization : 0;
      const ub = isNumber(b.utilization) ? b.utilization : 0;
      return ub - ua || (a.centerCode < b.centerCode ? -1 : 1);
    });
  }
  return list;
}

export function renderCenters(w, recommendations) {
  const centers = w.centers || [];
  const after = afterByCenter(recommendations);
  const scale = Math.max(1, ...centers.map((c) => Math.max(c.demandPointsPerDay || 0, c.capacityPointsPerDay || 0)));
  const rows = sortedCenters(centers).map((c) => centerRow(c, scale, after[c.centerCode]));
  replaceChildren(byId("centers-body"), rows.length ? rows
      : el("tr", null, el("td", { colspan: "9", class: "placeholder", text: "The service reports no Centers." })));
  renderSummary(centers, recommendations);
}

function centerRow(c, scale, after) {
  const b = band(c.utilization, c.demandPointsPerDay);
  const demand = c.demandPointsPerDay || 0;
  const capacity = c.capacityPointsPerDay || 0;
  const roster = sum(Object.keys(c.specialists || {}).map((k) => c.specialists[k]));
  const short = (c.requiredSpecialists || 0) - roster;

  const centerCell = el("th", { scope: "row", class: "center" },
      el("span", { class: "code", text: c.centerCode }), " ",
      el("span", { class: "office", text: c.office || "" }),
      el("span", { class: "name" }, el("span", { class: "visually-hidden", text: ", " }), c.name || ""));

  const bars = el("td", { class: "bars" },
      el("div", { class: "bar-line" },
          el("span", { class: "bar-label", "aria-hidden": "true", text: "D" }),
          el("span", { class: "bar-track", "aria-hidden": "true" },
              el("span", { class: "bar bar-demand status-" + b.key, style: "width:" + widthPercent(demand, scale) })),
          el("span", { class: "bar-value" }, el("span", { class: "visually-hidden", text: "Demand " }), points(demand))),
      el("div", { class: "bar-line" },
          el("span", { class: "bar-label", "aria-hidden": "true", text: "C" }),
          el("span", { class: "bar-track", "aria-hidden": "true" },
              el("span", { class: "bar bar-capacity", style: "width:" + widthPercent(capacity, scale) })),
          el("span", { class: "bar-value" }, el("span", { class: "visually-hidden", text: "Capacity " }), points(capacity))));

  const utilization = el("td", { class: "utilization" },
      el("span", { class: "pct", text: utilizationText(c.utilization, demand) }), " ", badge(b));
  if (after && changedAfter(c, after)) {
    const afterBand = band(after.utilization, after.demandPointsPerDay);
    append(utilization, el("span", { class: "after" },
        el("span", { "aria-hidden": "true", text: "→ " }),
        el("span", { class: "visually-hidden", text: "after the recommendations: " }),
        utilizationText(after.utilization, after.demandPointsPerDay),
        el("span", { class: "after-note", text: " after moves" }),
        afterBand.word ? el("span", { class: "visually-hidden", text: " (" + afterBand.word + ")" }) : null));
  }

  const staff = el("td", { class: "staff" },
      el("span", { class: "line" },
          el("strong", { text: integer.format(roster) }), el("span", { class: "visually-hidden", text: " on roster," }),
          " / " + integer.format(c.requiredSpecialists || 0), el("span", { class: "visually-hidden", text: " needed" })),
      short > 0 ? el("span", { class: "line short" }, el("span", { "aria-hidden": "true", text: "▲ " }), integer.format(short) + " short") : null);

  const backlog = el("td", { class: "backlog" },
      el("span", { class: "line" },
          el("strong", { text: integer.format(c.backlog || 0) }), " open",
          el("span", { class: "muted", text: " · " + points(c.backlogPoints || 0) + " pts" })),
      el("span", { class: "line muted" }, c.backlog > 0 ? "oldest " + humanAge(c.oldestOpenAgeSeconds) : "nothing waiting"));

  const chapters = el("td", { class: "chapters" }, commodityLines(c));
  const top = (c.topChapters || []).slice(0, 3);
  if (top.length) {
    append(chapters, el("ol", { class: "chapter-list" }, top.map((t) => el("li", null,
        el("span", { class: "ch", text: pad2(t.chapter) }), " ",
        el("span", { class: "ch-name", text: CHAPTERS[t.chapter] || "Chapter " + t.chapter }), " ",
        el("span", { class: "ch-lines", text: integer.format(t.lines) }),
        el("span", { class: "visually-hidden", text: " lines" })))));
  } else {
    append(chapters, el("span", { class: "muted", text: "no lines yet" }));
  }

  return el("tr", { "data-center": c.centerCode, "data-commodity-lines": c.commodityLines || null,
      class: "row-" + b.key + (c.commodityLines === "ABOVE" || c.commodityLines === "BELOW" ? " lines-outside" : "") },
      centerCell, bars, utilization, staff, backlog,
      el("td", { class: "num", text: integer.format(c.filedToday || 0) }),
      el("td", { class: "num", text: integer.format(c.filedLast7Days || 0) }),
      el("td", { class: "num", text: integer.format(c.filedLast30Days || 0) }),
      chapters);
}

/**
 * The Center's share of all commodity lines (and of headings) and where it stands against the model's
 * band: "▲ Above band 19 % of lines · 17 % of headings". Nothing when the service reports no shares.
 */
function commodityLines(c) {
  if (!isNumber(c.lineShare) && !c.commodityLines) {
    return null;
  }
  const shares = [];
  if (isNumber(c.lineShare)) {
    shares.push(el("span", { class: "share" }, percent(c.lineShare), " of lines"));
  }
  if (isNumber(c.headingShare)) {
    shares.push(el("span", { class: "share muted" }, percent(c.headingShare), " of headings"));
  }
  const limits = commodityLinesBand();
  return el("p", { class: "commodity-lines" },
      el("span", { class: "visually-hidden", text: "Commodity lines: " }),
      lineBadge(c.commodityLines), c.commodityLines ? " " : null,
      shares.length === 2 ? [shares[0], " · ", shares[1]] : shares,
      limits && (c.commodityLines === "ABOVE" || c.commodityLines === "BELOW")
          ? el("span", { class: "visually-hidden", text: " (band " + shareRange(limits) + ")" }) : null);
}

function widthPercent(value, scale) {
  const p = Math.max(0, Math.min(100, (value / scale) * 100));
  return (value > 0 ? Math.max(p, 0.8) : 0).toFixed(1) + "%";
}

function changedAfter(before, after) {
  if (before.utilization === undefined || before.utilization === null || after.utilization === undefined || after.utilization === null) {
    return before.utilization !== after.utilization;
  }
  return Math.round(before.utilization * 100) !== Math.round(after.utilization * 100);
}

function renderSummary(centers, recommendations) {
  const groups = { none: [], over: [], near: [], ok: [], under: [], idle: [], plain: [] };
  centers.forEach((c) => { groups[band(c.utilization, c.demandPointsPerDay).key].push(c.centerCode); });
  const totalDemand = sum(centers.map((c) => c.demandPointsPerDay));
  const totalCapacity = sum(centers.map((c) => c.capacityPointsPerDay));
  const items = [];
  function group(key, label) {
    if (groups[key].length) {
      items.push(el("span", { class: "summary-item" }, badge(bandOf(key)),
          " " + groups[key].length + " " + label + ": " + groups[key].join(", ")));
    }
  }
  group("none", "with demand and no capacity");
  group("over", "over capacity");
  group("near", "near capacity");
  group("ok", "balanced");
  group("under", "under-used");
  const above = centers.filter((c) => c.commodityLines === "ABOVE").map((c) => c.centerCode);
  const below = centers.filter((c) => c.commodityLines === "BELOW").map((c) => c.centerCode);
  if (above.length) {
    items.push(el("span", { class: "summary-item" }, lineBadge("ABOVE"),
        " " + above.length + " with more commodity lines than the band: " + above.join(", ")));
  }
  if (below.length) {
    items.push(el("span", { class: "summary-item" }, lineBadge("BELOW"),
        " " + below.length + " with fewer commodity lines than the band: " + below.join(", ")));
  }
  const total = el("span", { class: "summary-item" }, "All Centers: " + points(totalDemand) + " of " + points(totalCapacity) +
      " points/day" + (totalCapacity > 0 ? " (" + percent(totalDemand / totalCapacity) + ")" : ""));
  replaceChildren(byId("summary"), items, total);

  const moves = recommendations ? (recommendations.transfers || []).length : 0;
  const hires = recommendations ? (recommendations.hires || []).length : 0;
  const overloaded = groups.none.concat(groups.over);
  announce(centers.length + " Centers: " + overloaded.length + " over capacity" +
      (overloaded.length ? " (" + overloaded.join(", ") + ")" : "") +
      ", " + groups.under.length + " under-used" +
      (above.length + below.length ? ", " + (above.length + below.length) + " outside the commodity lines band" : "") + ". " +
      (recommendations ? moves + (moves === 1 ? " transfer" : " transfers") + " and " + hires + (hires === 1 ? " hire" : " hires") + " recommended." : ""));
}

/** Empties the table, the summary and the legend's bands (signed out). */
export function clearWorkload() {
  byId("data-line").textContent = "Loading workload…";
  replaceChildren(byId("summary"));
  replaceChildren(byId("centers-body"), el("tr", null,
      el("td", { colspan: "9", class: "placeholder", text: "Loading the ten Centers…" })));
  replaceChildren(byId("band-legend"));
}
