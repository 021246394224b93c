/*
 * The staffing model's settings as the service reports them (GET /api/workload's "model"), and the
 * bands the page draws from them. Nothing here is a setting of its own: when the service reports no
 * model, the page shows the numbers without the bands that depend on it.
 *
 *   Over         utilization 100 % or more (demand at or above capacity: a fact, not a setting)
 *   Near         targetUtilization up to 100 %
 *   OK           targetUtilization - band up to targetUtilization
 *   Under        below targetUtilization - band
 *   No capacity  demand with no capacity; Idle: neither
 *
 * Commodity lines: the service marks each Center BELOW, WITHIN or ABOVE model.commodityLinesBand
 * (minShare..maxShare of its headingShare); the page shows its word and the band's limits.
 */
import { el, isNumber, percent } from "./format.js";

let model = null;

/** The model from the latest workload answer (null when the service reported none). */
export function useModel(m) {
  model = m && typeof m === "object" ? m : null;
}

export function currentModel() {
  return model;
}

/** The utilization limits, or null without a model: { near, ok } as fractions. */
export function utilizationLimits() {
  if (!model || !isNumber(model.targetUtilization)) {
    return null;
  }
  const band = isNumber(model.band) ? model.band : 0;
  return { near: model.targetUtilization, ok: Math.max(0, model.targetUtilization - band) };
}

const BANDS = {
  none: { key: "none", word: "No capacity", icon: "✕" },
  idle: { key: "idle", word: "Idle", icon: "–" },
  over: { key: "over", word: "Over", icon: "▲" },
  near: { key: "near", word: "Near", icon: "◆" },
  ok: { key: "ok", word: "OK", icon: "✓" },
  under: { key: "under", word: "Under", icon: "▼" },
  /* Under 100 % without a model to say more: no badge. */
  plain: { key: "plain", word: "", icon: "" }
};

/** A band by its key (for the summary's badges). */
export function bandOf(key) {
  return BANDS[key];
}

/**
 * The utilization band of a Center: the key (for the CSS class), the word shown, and its icon. Never
 * only a colour: every band has a word and a distinct icon.
 */
export function band(utilization, demand) {
  if (!isNumber(utilization)) {
    return demand > 0 ? BANDS.none : BANDS.idle;
  }
  if (utilization >= 1) {
    return BANDS.over;
  }
  const limits = utilizationLimits();
  if (!limits) {
    return BANDS.plain;
  }
  if (utilization >= limits.near) {
    return BANDS.near;
  }
  if (utilization >= limits.ok) {
    return BANDS.ok;
  }
  return BANDS.under;
}

/** The band's badge (word and icon), or null for a Center shown without a band. */
export function badge(b) {
  if (!b.word) {
    return null;
  }
  return el("span", { class: "badge status-" + b.key },
      el("span", { "aria-hidden": "true", text: b.icon }), " " + b.word);
}

export function utilizationText(utilization, demand) {
  if (isNumber(utilization)) {
    return percent(utilization);
  }
  return demand > 0 ? "no capacity" : "–";
}

/** "85–99 %": a percent range, the upper end exclusive. */
function range(from, to) {
  return Math.round(from * 100) + "–" + (Math.round(to * 100) - 1) + " %";
}

/** The legend's band items, from the model's numbers. */
export function bandLegend() {
  const items = [el("span", { class: "legend-item" }, badge(BANDS.over), " 100 % or more")];
  const limits = utilizationLimits();
  if (limits) {
    items.push(el("span", { class: "legend-item" }, badge(BANDS.near), " " + range(limits.near, 1)));
    if (limits.ok > 0) {
      items.push(el("span", { class: "legend-item" }, badge(BANDS.ok), " " + range(limits.ok, limits.near)));
      items.push(el("span", { class: "legend-item" }, badge(BANDS.under), " below " + Math.round(limits.ok * 100) + " %"));
    } else {
      items.push(el("span", { class: "legend-item" }, badge(BANDS.ok), " below " + Math.round(limits.near * 100) + " %"));
    }
  } else {
    items.push(el("span", { class: "legend-item", text: "The service reports no staffing model: no other bands." }));
  }
  const lines = commodityLinesBand();
  if (lines) {
    items.push(el("span", { class: "legend-item" }, lineBadge("ABOVE"), " / ", lineBadge("BELOW"),
        " commodity lines outside " + shareRange(lines)));
  }
  return items;
}

// ---- commodity lines ------------------------------------------------------------------------------

/** model.commodityLinesBand when it has both limits, else null. */
export function commodityLinesBand() {
  const b = model && model.commodityLinesBand;
  return b && isNumber(b.minShare) && isNumber(b.maxShare) ? b : null;
}

/** "5–20 % of headings": the service judges a Center's share of the distinct headings (headingShare). */
export function shareRange(b) {
  return Math.round(b.minShare * 100) + "–" + Math.round(b.maxShare * 100) + " % of headings";
}

const LINE_BANDS = {
  ABOVE: { key: "lines-above", word: "Above band", icon: "▲" },
  BELOW: { key: "lines-below", word: "Below band", icon: "▼" },
  WITHIN: { key: "lines-within", word: "Within band", icon: "✓" }
};

/** The commodity-lines badge for "BELOW" | "WITHIN" | "ABOVE" (a word and an icon), or null. */
export function lineBadge(position) {
  const b = LINE_BANDS[position];
  return b ? badge(b) : null;
}
