/* The recommended transfers and hires, each with the model's reason in numbers. */
import { byId, el, integer, replaceChildren, roleName } from "./format.js";

export function renderRecommendations(r) {
  const transfers = r.transfers || [];
  const hires = r.hires || [];
  const transferParts = [];
  const hireParts = [];
  transferParts.push(el("h3", null, "Transfers ", el("span", { class: "count", text: "(" + transfers.length + ")" })));
  if (transfers.length) {
    transferParts.push(el("ul", { class: "recs" }, transfers.map((t) => el("li", { class: "rec rec-transfer" },
        el("p", { class: "rec-what" },
            el("span", { class: "rec-icon", "aria-hidden": "true", text: "⇄" }),
            "Move " + t.count + " " + roleName(t.role, t.count) + " from ",
            el("strong", { text: t.fromCenter }), " to ", el("strong", { text: t.toCenter })),
        el("p", { class: "rec-why" }, el("span", { class: "visually-hidden", text: "Why: " }), t.reason || "")))));
  } else {
    transferParts.push(el("p", { class: "muted", text: "No transfers: the Centers' utilization is inside the band, or no move helps." }));
  }

  hireParts.push(el("h3", null, "Hires ", el("span", { class: "count", text: "(" + hires.length + ")" })));
  if (hires.length) {
    hireParts.push(el("ul", { class: "recs" }, hires.map((h) => el("li", { class: "rec rec-hire" },
        el("p", { class: "rec-what" },
            el("span", { class: "rec-icon", "aria-hidden": "true", text: "+" }),
            "Hire " + integer.format(h.count) + " " + roleName(h.role, h.count) + " for ", el("strong", { text: h.centerCode })),
        el("p", { class: "rec-why" }, el("span", { class: "visually-hidden", text: "Why: " }), h.reason || "")))));
  } else {
    hireParts.push(el("p", { class: "muted", text: "No hires: total demand fits the total capacity at the target utilization." }));
  }
  // When every Center is over capacity nobody can be spared: the hires come first, then the moves.
  replaceChildren(byId("recommendations"), r.hiresFirst ? hireParts.concat(transferParts) : transferParts.concat(hireParts));
}

export function clearRecommendations() {
  replaceChildren(byId("recommendations"), el("p", { class: "placeholder", text: "Loading recommendations…" }));
}
