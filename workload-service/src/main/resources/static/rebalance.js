/*
 * The rebalance view: per Center demand against capacity, recommendations, and the what-if form.
 * Plain JavaScript, no build step. Every URL is relative so the page works wherever the service
 * serves it. Errors are shown on the page, never thrown to the console. The page's files are open;
 * the figures come from the API with the caller's access token (see "access token" below).
 */
(function () {
  "use strict";

  var REFRESH_MS = 5000;
  var WORKLOAD_URL = "api/workload";
  var RECOMMENDATIONS_URL = "api/staffing/recommendations";
  var WHAT_IF_URL = "api/what-if";
  /* This tab's access token (sessionStorage: gone when the tab closes, never shared with other tabs). */
  var TOKEN_KEY = "centerline.workload.token";

  /* Utilization bands for the labels. 0.85 is the staffing model's usual target utilization. */
  var NEAR = 0.85;
  var UNDER = 0.5;

  /* Short HTS chapter titles, so a commodity line reads as more than a number. */
  var CHAPTERS = {
    1: "Live animals", 2: "Meat", 3: "Fish & seafood", 4: "Dairy, eggs, honey", 5: "Other animal products",
    6: "Plants & flowers", 7: "Vegetables", 8: "Fruit & nuts", 9: "Coffee, tea, spices", 10: "Cereals",
    11: "Milling products", 12: "Oil seeds", 13: "Gums & resins", 14: "Plaiting materials", 15: "Fats & oils",
    16: "Prepared meat & fish", 17: "Sugars", 18: "Cocoa", 19: "Cereal & bakery",
    20: "Prepared fruit & veg.", 21: "Misc. food", 22: "Beverages & spirits",
    23: "Animal feed", 24: "Tobacco", 25: "Salt, stone, cement", 26: "Ores, slag & ash",
    27: "Mineral fuels & oils", 28: "Inorganic chemicals", 29: "Organic chemicals", 30: "Pharmaceuticals",
    31: "Fertilizers", 32: "Dyes, paints, inks", 33: "Cosmetics & perfumes", 34: "Soaps & waxes",
    35: "Glues & enzymes", 36: "Explosives", 37: "Photographic goods", 38: "Misc. chemicals",
    39: "Plastics", 40: "Rubber", 41: "Hides & leather", 42: "Leather goods & bags", 43: "Furskins",
    44: "Wood", 45: "Cork", 46: "Basketware", 47: "Wood pulp", 48: "Paper & paperboard", 49: "Printed matter",
    50: "Silk", 51: "Wool", 52: "Cotton", 53: "Other vegetable fibers", 54: "Man-made filaments",
    55: "Man-made staple fibers", 56: "Wadding, felt, cordage", 57: "Carpets", 58: "Special woven fabrics",
    59: "Coated textiles", 60: "Knitted fabrics", 61: "Knitted apparel", 62: "Woven apparel",
    63: "Made-up textiles", 64: "Footwear", 65: "Headgear", 66: "Umbrellas & canes",
    67: "Artificial flowers", 68: "Stone & cement articles", 69: "Ceramics", 70: "Glass",
    71: "Precious metals & gems", 72: "Iron & steel", 73: "Iron & steel articles", 74: "Copper",
    75: "Nickel", 76: "Aluminum", 78: "Lead", 79: "Zinc", 80: "Tin", 81: "Other base metals",
    82: "Tools & cutlery", 83: "Misc. base-metal goods", 84: "Machinery & computers",
    85: "Electrical & electronic", 86: "Railway equipment", 87: "Vehicles", 88: "Aircraft & spacecraft",
    89: "Ships & boats", 90: "Optical & medical", 91: "Clocks & watches",
    92: "Musical instruments", 93: "Arms & ammunition", 94: "Furniture & lighting",
    95: "Toys, games, sports", 96: "Misc. manufactured", 97: "Works of art", 98: "Special provisions",
    99: "Additional duties"
  };

  var state = {
    workload: null,
    recommendations: null,
    paused: false,
    timer: null,
    inFlight: false,
    lastSuccess: null,
    failingSince: null,
    announced: "",
    moveSeq: 0,
    whatIfBusy: false,
    token: null,
    /* Bumped at every sign-in and sign-out, so an answer to an earlier token is never shown. */
    session: 0
  };

  var integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  var oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  // ---- small helpers ------------------------------------------------------------------------------

  /** Creates an element; attributes in attrs ("class", "text", aria-*, data-*, ...), then children. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === "text") {
          node.textContent = value;
        } else if (key === "class") {
          node.className = value;
        } else {
          node.setAttribute(key, value === true ? "" : String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (typeof child === "string" || typeof child === "number") {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function replaceChildren(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    for (var i = 1; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
  }

  function pad2(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function clock(date) {
    return pad2(date.getHours()) + ":" + pad2(date.getMinutes()) + ":" + pad2(date.getSeconds());
  }

  function isNumber(x) {
    return typeof x === "number" && isFinite(x);
  }

  function percent(fraction) {
    return integer.format(Math.round(fraction * 100)) + " %";
  }

  function points(x) {
    return x >= 100 ? integer.format(x) : oneDecimal.format(x);
  }

  /** 11520 -> "3 h 12 min"; 45 -> "45 s"; 93600 -> "1 d 2 h". */
  function humanAge(seconds) {
    if (!isNumber(seconds) || seconds < 0) {
      return "–";
    }
    var s = Math.floor(seconds);
    if (s < 60) {
      return s + " s";
    }
    var minutes = Math.floor(s / 60);
    if (minutes < 60) {
      return minutes + " min";
    }
    var hours = Math.floor(minutes / 60);
    if (hours < 24) {
      return hours + " h " + (minutes % 60) + " min";
    }
    var days = Math.floor(hours / 24);
    return days + " d " + (hours % 24) + " h";
  }

  /** "PT720H" -> "30 days"; "P7D" -> "7 days"; "PT36H" -> "36 hours"; anything else as given. */
  function humanWindow(iso) {
    var m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso || "");
    if (!m) {
      return iso || "unknown";
    }
    var hours = (Number(m[1] || 0) * 24) + Number(m[2] || 0) + Number(m[3] || 0) / 60;
    if (hours > 0 && hours % 24 === 0) {
      var d = hours / 24;
      return d + (d === 1 ? " day" : " days");
    }
    return integer.format(hours) + (hours === 1 ? " hour" : " hours");
  }

  function roleName(role, count) {
    var name = String(role || "specialist").toLowerCase().replace(/_/g, " ");
    return count === 1 ? name : name + "s";
  }

  function sum(values) {
    return values.reduce(function (a, b) { return a + (isNumber(b) ? b : 0); }, 0);
  }

  /**
   * The utilization band of a Center: the key (for the CSS class), the word shown, and its icon. Never
   * only a colour: every band has a word and a distinct icon.
   */
  function band(utilization, demand) {
    if (!isNumber(utilization)) {
      return demand > 0
          ? { key: "none", word: "No capacity", icon: "✕", rank: 5 }
          : { key: "idle", word: "Idle", icon: "–", rank: 0 };
    }
    if (utilization >= 1) {
      return { key: "over", word: "Over", icon: "▲", rank: 4 };
    }
    if (utilization >= NEAR) {
      return { key: "near", word: "Near", icon: "◆", rank: 3 };
    }
    if (utilization >= UNDER) {
      return { key: "ok", word: "OK", icon: "✓", rank: 2 };
    }
    return { key: "under", word: "Under", icon: "▼", rank: 1 };
  }

  function badge(b) {
    return el("span", { class: "badge status-" + b.key },
        el("span", { "aria-hidden": "true", text: b.icon }), " " + b.word);
  }

  function utilizationText(utilization, demand) {
    if (isNumber(utilization)) {
      return percent(utilization);
    }
    return demand > 0 ? "no capacity" : "–";
  }

  // ---- talking to the service ---------------------------------------------------------------------

  /** Fetches JSON; rejects with an Error whose message a person can read (problem details when given). */
  function fetchJson(url, options) {
    var init = options || {};
    init.headers = Object.assign({ Accept: "application/json, application/problem+json" }, init.headers || {});
    if (state.token) {
      init.headers.Authorization = "Bearer " + state.token;
    }
    init.cache = "no-store";
    return fetch(url, init).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var isJson = /json/i.test(type);
      var body = isJson ? response.json().catch(function () { return null; }) : response.text().then(function () { return null; });
      return body.then(function (json) {
        if (response.ok && json) {
          return json;
        }
        var message;
        if (json && (json.title || json.detail)) {
          message = [json.title, json.detail].filter(Boolean).join(": ");
        } else if (response.ok) {
          message = "the answer was not JSON";
        } else {
          message = "HTTP " + response.status + (response.statusText ? " " + response.statusText : "");
        }
        var error = new Error(message);
        error.status = response.status;
        throw error;
      });
    }, function () {
      throw new Error("the service did not answer (it may be restarting)");
    });
  }

  // ---- the refresh loop ---------------------------------------------------------------------------

  function scheduleRefresh() {
    clearTimeout(state.timer);
    state.timer = null;
    if (!state.paused) {
      state.timer = setTimeout(refresh, REFRESH_MS);
    }
  }

  function refresh() {
    if (state.inFlight || !state.token) {
      return;
    }
    if (document.hidden) {
      // Nobody is looking: try again when the tab is visible (see visibilitychange below).
      state.timer = null;
      return;
    }
    state.inFlight = true;
    var session = state.session;
    var answers = {};
    var workload = fetchJson(WORKLOAD_URL).then(function (w) {
      answers.workload = w;
      return null;
    }, function (e) {
      return { what: "workload", message: e.message, status: e.status };
    });
    var recommendations = fetchJson(RECOMMENDATIONS_URL).then(function (r) {
      answers.recommendations = r;
      return null;
    }, function (e) {
      return { what: "recommendations", message: e.message, status: e.status };
    });
    Promise.all([workload, recommendations]).then(function (errors) {
      state.inFlight = false;
      if (session !== state.session) {
        // Signed out or in again meanwhile: these answers belong to another token.
        refresh();
        return;
      }
      var problems = errors.filter(Boolean);
      var refused = problems.filter(function (p) { return p.status === 401 || p.status === 403; })[0];
      if (refused) {
        signOut(refusedMessage(refused));
        return;
      }
      state.workload = answers.workload || state.workload;
      state.recommendations = answers.recommendations || state.recommendations;
      try {
        render();
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

  /** "Live, updated 05:00:12", "Paused, updated …", "Retrying, updated …" or "…, no figures yet". */
  function renderRefreshState() {
    var mode = !state.token ? "Signed out" : state.paused ? "Paused" : state.failingSince ? "Retrying" : "Live";
    byId("refresh-mode").textContent = mode;
    byId("live-dot").className = "live-dot is-" + mode.toLowerCase().replace(" ", "-");
    var when = byId("refresh-when");
    if (!state.token) {
      when.textContent = "no figures";
    } else if (state.lastSuccess) {
      replaceChildren(when, "updated ", el("time", { id: "updated-at", datetime: state.lastSuccess.toISOString(),
        text: clock(state.lastSuccess) }));
    } else {
      when.textContent = state.failingSince ? "no figures yet" : "connecting…";
    }
  }

  /** Groups the failures by message: "the workload and the recommendations: Service Unavailable: …". */
  function describeProblems(problems) {
    var byMessage = {};
    var order = [];
    problems.forEach(function (p) {
      var message = p.message.replace(/[.\s]+$/, "");
      if (!byMessage[message]) {
        byMessage[message] = [];
        order.push(message);
      }
      byMessage[message].push("the " + p.what);
    });
    return order.map(function (message) { return byMessage[message].join(" and ") + " (" + message + ")"; })
        .join("; ");
  }

  function showError(problems) {
    var what = describeProblems(problems);
    var text = "Could not refresh " + what + ". Trying again every " + (REFRESH_MS / 1000) +
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

  /** Says something in the polite live region, only when it differs from the last thing said. */
  function announce(text) {
    if (text && text !== state.announced) {
      state.announced = text;
      byId("announcer").textContent = text;
    }
  }

  // ---- rendering ----------------------------------------------------------------------------------

  function render() {
    if (state.workload) {
      renderDataLine(state.workload);
      renderCenters(state.workload, state.recommendations);
      fillCenterOptions(state.workload.centers || []);
    }
    if (state.recommendations) {
      renderRecommendations(state.recommendations);
    }
  }

  function renderDataLine(w) {
    var asOf = w.asOf ? new Date(w.asOf) : null;
    var parts = [];
    if (asOf && !isNaN(asOf.getTime())) {
      parts.push("Figures as of " + asOf.toLocaleString("en-US", {
        day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
        hour12: false, timeZoneName: "short"
      }));
    }
    parts.push("demand averaged over the last " + humanWindow(w.demandWindow));
    if (w.workloadModelVersion) {
      parts.push("workload model " + w.workloadModelVersion);
    }
    byId("data-line").textContent = parts.join(" · ");
  }

  function afterByCenter(recommendations) {
    var map = {};
    ((recommendations && recommendations.after) || []).forEach(function (c) { map[c.centerCode] = c; });
    return map;
  }

  function sortedCenters(centers) {
    var list = centers.slice();
    if (byId("order").value === "code") {
      list.sort(function (a, b) { return a.centerCode < b.centerCode ? -1 : a.centerCode > b.centerCode ? 1 : 0; });
    } else {
      list.sort(function (a, b) {
        var ba = band(a.utilization, a.demandPointsPerDay);
        var bb = band(b.utilization, b.demandPointsPerDay);
        if (ba.key === "none" || bb.key === "none") {
          if (ba.key !== bb.key) {
            return ba.key === "none" ? -1 : 1;
          }
          return b.demandPointsPerDay - a.demandPointsPerDay;
        }
        var ua = isNumber(a.utilization) ? a.utilization : 0;
        var ub = isNumber(b.utilization) ? b.utilization : 0;
        return ub - ua || (a.centerCode < b.centerCode ? -1 : 1);
      });
    }
    return list;
  }

  function renderCenters(w, recommendations) {
    var centers = w.centers || [];
    var after = afterByCenter(recommendations);
    var scale = Math.max.apply(null, [1].concat(centers.map(function (c) {
      return Math.max(c.demandPointsPerDay || 0, c.capacityPointsPerDay || 0);
    })));
    var rows = sortedCenters(centers).map(function (c) { return centerRow(c, scale, after[c.centerCode]); });
    replaceChildren(byId("centers-body"), rows.length ? rows
        : el("tr", null, el("td", { colspan: "9", class: "placeholder", text: "The service reports no Centers." })));
    renderSummary(centers, recommendations);
  }

  function centerRow(c, scale, after) {
    var b = band(c.utilization, c.demandPointsPerDay);
    var demand = c.demandPointsPerDay || 0;
    var capacity = c.capacityPointsPerDay || 0;
    var roster = sum(Object.keys(c.specialists || {}).map(function (k) { return c.specialists[k]; }));
    var short = (c.requiredSpecialists || 0) - roster;

    var centerCell = el("th", { scope: "row", class: "center" },
        el("span", { class: "code", text: c.centerCode }), " ",
        el("span", { class: "office", text: c.office || "" }),
        el("span", { class: "name" }, el("span", { class: "visually-hidden", text: ", " }), c.name || ""));

    var bars = el("td", { class: "bars" },
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

    var utilization = el("td", { class: "utilization" },
        el("span", { class: "pct", text: utilizationText(c.utilization, demand) }), " ", badge(b));
    if (after && changedAfter(c, after)) {
      var afterBand = band(after.utilization, after.demandPointsPerDay);
      append(utilization, el("span", { class: "after" },
          el("span", { "aria-hidden": "true", text: "→ " }),
          el("span", { class: "visually-hidden", text: "after the recommendations: " }),
          utilizationText(after.utilization, after.demandPointsPerDay),
          el("span", { class: "after-note", text: " after moves" }),
          el("span", { class: "visually-hidden", text: " (" + afterBand.word + ")" })));
    }

    var staff = el("td", { class: "staff" },
        el("span", { class: "line" },
            el("strong", { text: integer.format(roster) }), el("span", { class: "visually-hidden", text: " on roster," }),
            " / " + integer.format(c.requiredSpecialists || 0), el("span", { class: "visually-hidden", text: " needed" })),
        short > 0 ? el("span", { class: "line short" }, el("span", { "aria-hidden": "true", text: "▲ " }), integer.format(short) + " short") : null);

    var backlog = el("td", { class: "backlog" },
        el("span", { class: "line" },
            el("strong", { text: integer.format(c.backlog || 0) }), " open",
            el("span", { class: "muted", text: " · " + points(c.backlogPoints || 0) + " pts" })),
        el("span", { class: "line muted" }, c.backlog > 0 ? "oldest " + humanAge(c.oldestOpenAgeSeconds) : "nothing waiting"));

    var chapters = el("td", { class: "chapters" });
    var top = (c.topChapters || []).slice(0, 3);
    if (top.length) {
      append(chapters, el("ol", { class: "chapter-list" }, top.map(function (t) {
        return el("li", null,
            el("span", { class: "ch", text: pad2(t.chapter) }), " ",
            el("span", { class: "ch-name", text: CHAPTERS[t.chapter] || "Chapter " + t.chapter }), " ",
            el("span", { class: "ch-lines", text: integer.format(t.lines) }),
            el("span", { class: "visually-hidden", text: " lines" }));
      })));
    } else {
      append(chapters, el("span", { class: "muted", text: "no lines yet" }));
    }

    return el("tr", { "data-center": c.centerCode, class: "row-" + b.key },
        centerCell, bars, utilization, staff, backlog,
        el("td", { class: "num", text: integer.format(c.filedToday || 0) }),
        el("td", { class: "num", text: integer.format(c.filedLast7Days || 0) }),
        el("td", { class: "num", text: integer.format(c.filedLast30Days || 0) }),
        chapters);
  }

  function widthPercent(value, scale) {
    var p = Math.max(0, Math.min(100, (value / scale) * 100));
    return (value > 0 ? Math.max(p, 0.8) : 0).toFixed(1) + "%";
  }

  function changedAfter(before, after) {
    if (before.utilization === undefined || before.utilization === null || after.utilization === undefined || after.utilization === null) {
      return before.utilization !== after.utilization;
    }
    return Math.round(before.utilization * 100) !== Math.round(after.utilization * 100);
  }

  function renderSummary(centers, recommendations) {
    var groups = { none: [], over: [], near: [], ok: [], under: [], idle: [] };
    centers.forEach(function (c) { groups[band(c.utilization, c.demandPointsPerDay).key].push(c.centerCode); });
    var totalDemand = sum(centers.map(function (c) { return c.demandPointsPerDay; }));
    var totalCapacity = sum(centers.map(function (c) { return c.capacityPointsPerDay; }));
    var items = [];
    function group(key, label) {
      if (groups[key].length) {
        items.push(el("span", { class: "summary-item" }, badge(band.apply(null, keyArgs(key))),
            " " + groups[key].length + " " + label + ": " + groups[key].join(", ")));
      }
    }
    group("none", "with demand and no capacity");
    group("over", "over capacity");
    group("near", "near capacity");
    group("ok", "balanced");
    group("under", "under-used");
    var total = el("span", { class: "summary-item" }, "All Centers: " + points(totalDemand) + " of " + points(totalCapacity) +
        " points/day" + (totalCapacity > 0 ? " (" + percent(totalDemand / totalCapacity) + ")" : ""));
    replaceChildren(byId("summary"), items, total);

    var moves = recommendations ? (recommendations.transfers || []).length : 0;
    var hires = recommendations ? (recommendations.hires || []).length : 0;
    var overloaded = groups.none.concat(groups.over);
    announce(centers.length + " Centers: " + overloaded.length + " over capacity" +
        (overloaded.length ? " (" + overloaded.join(", ") + ")" : "") +
        ", " + groups.under.length + " under-used. " +
        (recommendations ? moves + (moves === 1 ? " transfer" : " transfers") + " and " + hires + (hires === 1 ? " hire" : " hires") + " recommended." : ""));
  }

  /** Arguments to band() that land in the given band, to draw the summary's badges with the same words. */
  function keyArgs(key) {
    return {
      none: [null, 1], over: [1, 1], near: [NEAR, 1], ok: [UNDER, 1], under: [0, 1], idle: [null, 0]
    }[key];
  }

  function renderRecommendations(r) {
    var transfers = r.transfers || [];
    var hires = r.hires || [];
    var container = byId("recommendations");
    var parts = [];

    var transferParts = [];
    var hireParts = [];
    transferParts.push(el("h3", null, "Transfers ", el("span", { class: "count", text: "(" + transfers.length + ")" })));
    if (transfers.length) {
      transferParts.push(el("ul", { class: "recs" }, transfers.map(function (t) {
        return el("li", { class: "rec rec-transfer" },
            el("p", { class: "rec-what" },
                el("span", { class: "rec-icon", "aria-hidden": "true", text: "⇄" }),
                "Move " + t.count + " " + roleName(t.role, t.count) + " from ",
                el("strong", { text: t.fromCenter }), " to ", el("strong", { text: t.toCenter })),
            el("p", { class: "rec-why" }, el("span", { class: "visually-hidden", text: "Why: " }), t.reason || ""));
      })));
    } else {
      transferParts.push(el("p", { class: "muted", text: "No transfers: the Centers' utilization is inside the band, or no move helps." }));
    }

    hireParts.push(el("h3", null, "Hires ", el("span", { class: "count", text: "(" + hires.length + ")" })));
    if (hires.length) {
      hireParts.push(el("ul", { class: "recs" }, hires.map(function (h) {
        return el("li", { class: "rec rec-hire" },
            el("p", { class: "rec-what" },
                el("span", { class: "rec-icon", "aria-hidden": "true", text: "+" }),
                "Hire " + integer.format(h.count) + " " + roleName(h.role, h.count) + " for ", el("strong", { text: h.centerCode })),
            el("p", { class: "rec-why" }, el("span", { class: "visually-hidden", text: "Why: " }), h.reason || ""));
      })));
    } else {
      hireParts.push(el("p", { class: "muted", text: "No hires: total demand fits the total capacity at the target utilization." }));
    }
    // When every Center is over capacity nobody can be spared: the hires come first, then the moves.
    parts = r.hiresFirst ? hireParts.concat(transferParts) : transferParts.concat(hireParts);
    replaceChildren(container, parts);
  }

  // ---- what-if form -------------------------------------------------------------------------------

  function fillCenterOptions(centers) {
    var selects = document.querySelectorAll("select.move-center");
    Array.prototype.forEach.call(selects, function (select) { fillSelect(select, centers); });
  }

  function fillSelect(select, centers) {
    if (!centers.length || select.getAttribute("data-filled") === "true") {
      return;
    }
    var previous = select.value;
    replaceChildren(select, el("option", { value: "", text: "Choose a Center" }),
        centers.slice().sort(function (a, b) { return a.centerCode < b.centerCode ? -1 : 1; }).map(function (c) {
          return el("option", { value: c.centerCode, text: c.centerCode + " – " + (c.name || c.centerCode) });
        }));
    select.value = previous;
    select.setAttribute("data-filled", "true");
  }

  function addMove() {
    state.moveSeq += 1;
    var n = state.moveSeq;
    var codeId = "move-" + n + "-code";
    var centerId = "move-" + n + "-center";
    var errorId = "move-" + n + "-error";
    var select = el("select", { id: centerId, name: "toCenter", class: "move-center", required: true },
        el("option", { value: "", text: "Loading Centers…" }));
    var row = el("fieldset", { class: "move", "data-move": String(n) },
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
    row.querySelector(".remove-move").addEventListener("click", function () {
      var next = row.nextElementSibling || row.previousElementSibling;
      row.parentNode.removeChild(row);
      numberMoves();
      var focusTarget = next ? next.querySelector(".move-code") : byId("add-move");
      focusTarget.focus();
    });
    byId("moves").appendChild(row);
    if (state.workload) {
      fillSelect(select, state.workload.centers || []);
    }
    numberMoves();
    return row;
  }

  /** Renumbers the legends ("Move 1", "Move 2") and shows Remove only when there is more than one move. */
  function numberMoves() {
    var rows = byId("moves").querySelectorAll("fieldset.move");
    Array.prototype.forEach.call(rows, function (row, i) {
      row.querySelector(".move-legend").textContent = "Move " + (i + 1);
      row.querySelector(".remove-move-label").textContent = " move " + (i + 1);
      row.querySelector(".remove-move").hidden = rows.length < 2;
    });
  }

  function readMoves() {
    var rows = byId("moves").querySelectorAll("fieldset.move");
    var moves = [];
    var firstInvalid = null;
    Array.prototype.forEach.call(rows, function (row, i) {
      var input = row.querySelector(".move-code");
      var select = row.querySelector(".move-center");
      var error = row.querySelector(".field-error");
      var code = input.value.replace(/\s+/g, "");
      var message = "";
      var move = null;
      if (/^\d{1,2}$/.test(code) && Number(code) >= 1 && Number(code) <= 99) {
        move = { chapter: pad2(Number(code)) };
      } else if (/^\d{4}$/.test(code) && Number(code.slice(0, 2)) >= 1) {
        move = { heading: code };
      } else {
        message = "Move " + (i + 1) + ": enter a chapter (1 to 99) or a 4-digit heading.";
      }
      if (!message && !select.value) {
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
    return { moves: moves, firstInvalid: firstInvalid };
  }

  function submitWhatIf(event) {
    event.preventDefault();
    if (state.whatIfBusy) {
      return;
    }
    var status = byId("whatif-status");
    var read = readMoves();
    if (read.firstInvalid) {
      status.textContent = "Please correct the highlighted move.";
      status.className = "form-status is-error";
      read.firstInvalid.focus();
      return;
    }
    state.whatIfBusy = true;
    var button = byId("run-whatif");
    button.setAttribute("aria-disabled", "true");
    status.className = "form-status";
    status.textContent = "Replaying the demand window under the proposed table…";
    byId("whatif-result").setAttribute("aria-busy", "true");
    fetchJson(WHAT_IF_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ moves: read.moves })
    }).then(function (answer) {
      renderWhatIf(answer, read.moves);
      var changed = (answer.centers || []).filter(whatIfChanged).length;
      status.textContent = "What-if done: " + integer.format(answer.entriesMoved || 0) + " of " +
          integer.format(answer.entriesReplayed || 0) + " entry summaries would move; " + changed +
          (changed === 1 ? " Center changes." : " Centers change.") + " The table below shows every Center before and after.";
    }, function (e) {
      if (e.status === 401) {
        signOut(refusedMessage(e));
        return;
      }
      status.className = "form-status is-error";
      status.textContent = e.status === 403
          ? "Your role (" + roleNames(claims(state.token)) + ") may not run a what-if: only a Center director or an admin may. " +
            "The figures above are unchanged."
          : "The what-if failed: " + e.message;
    }).then(function () {
      state.whatIfBusy = false;
      button.removeAttribute("aria-disabled");
      byId("whatif-result").removeAttribute("aria-busy");
    });
  }

  function whatIfChanged(c) {
    var b = c.before || {};
    var a = c.after || {};
    return Math.abs((a.demandPointsPerDay || 0) - (b.demandPointsPerDay || 0)) >= 0.05 ||
        (a.requiredSpecialists || 0) !== (b.requiredSpecialists || 0);
  }

  function describeMoves(moves) {
    return moves.map(function (m) {
      return (m.chapter ? "chapter " + m.chapter : "heading " + m.heading) + " to " + m.toCenter;
    }).join(", ");
  }

  function renderWhatIf(answer, moves) {
    var rows = (answer.centers || []).map(function (c) {
      var b = c.before || {};
      var a = c.after || {};
      var delta = (a.demandPointsPerDay || 0) - (b.demandPointsPerDay || 0);
      var changed = whatIfChanged(c);
      var bb = band(b.utilization, b.demandPointsPerDay);
      var ab = band(a.utilization, a.demandPointsPerDay);
      return el("tr", { class: changed ? "changed" : null, "data-center": c.centerCode },
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
    var table = el("table", { class: "whatif-table", id: "whatif-table" },
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

  // ---- wiring -------------------------------------------------------------------------------------

  function setPaused(paused) {
    state.paused = paused;
    var button = byId("pause");
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

  // ---- access token -------------------------------------------------------------------------------

  /**
   * A token handed over in the address (/#token=<jwt>, as the local stack prints it) moves to this
   * tab's storage and leaves the address bar and the history at once. The fragment never reaches a
   * server; removing it keeps it out of bookmarks, shared links and screenshots.
   */
  function takeTokenFromAddress() {
    var match = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
    if (!match) {
      return null;
    }
    history.replaceState(null, "", window.location.pathname + window.location.search);
    return cleanToken(match[1]);
  }

  function storedToken() {
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
    var value = String(text || "").trim();
    var link = /#token=([^&\s]*)/.exec(value);
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
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      while (part.length % 4) {
        part += "=";
      }
      var bytes = Uint8Array.from(atob(part), function (c) { return c.charCodeAt(0); });
      var parsed = JSON.parse(new TextDecoder().decode(bytes));
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (e) {
      return {};
    }
  }

  function roleNames(c) {
    var roles = Array.isArray(c.roles) ? c.roles : typeof c.roles === "string" ? c.roles.split(/[ ,]+/) : [];
    return roles.length ? roles.join(", ") : "no role";
  }

  /** "director-ELE (director, ELE)". */
  function describeCaller(token) {
    var c = claims(token);
    return (c.sub || "unknown") + " (" + roleNames(c) + (c.center_code ? ", " + c.center_code : "") + ")";
  }

  /** Why the service turned the token away, and what to do about it. */
  function refusedMessage(problem) {
    if (problem.status === 403) {
      return "You are signed in as " + describeCaller(state.token) + ", who may not see the workload: it is for " +
          "Center directors (of any Center) and ops. Sign in with one of their tokens.";
    }
    return "Your token was not accepted: it has expired, or it was not issued for Centerline. Sign in with a new one.";
  }

  function signIn(token) {
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
    refresh();
  }

  /** Forgets the token and every figure fetched with it, and asks for a token, saying why. */
  function signOut(message) {
    keepToken(null);
    state.session += 1;
    clearTimeout(state.timer);
    state.timer = null;
    state.workload = null;
    state.recommendations = null;
    state.lastSuccess = null;
    state.failingSince = null;
    clearFigures();
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

  /** Empties every place that showed figures, so nothing from the last token stays in the page. */
  function clearFigures() {
    byId("data-line").textContent = "Loading workload…";
    replaceChildren(byId("summary"));
    replaceChildren(byId("centers-body"), el("tr", null,
        el("td", { colspan: "9", class: "placeholder", text: "Loading the ten Centers…" })));
    replaceChildren(byId("recommendations"), el("p", { class: "placeholder", text: "Loading recommendations…" }));
    replaceChildren(byId("whatif-result"));
    byId("whatif-status").textContent = "";
  }

  function submitToken(event) {
    event.preventDefault();
    var input = byId("token-input");
    var token = cleanToken(input.value);
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

  function start() {
    byId("pause").addEventListener("click", function () { setPaused(!state.paused); });
    byId("order").addEventListener("change", function () {
      if (state.workload) {
        renderCenters(state.workload, state.recommendations);
      }
    });
    byId("add-move").addEventListener("click", function () {
      addMove().querySelector(".move-code").focus();
    });
    byId("whatif-form").addEventListener("submit", submitWhatIf);
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && !state.paused && !state.timer && !state.inFlight) {
        refresh();
      }
    });
    byId("signin-form").addEventListener("submit", submitToken);
    byId("sign-out").addEventListener("click", function () {
      signOut("Signed out: the token is gone from this tab.");
    });
    addMove();
    var token = takeTokenFromAddress() || storedToken();
    if (token) {
      signIn(token);
    } else {
      signOut(null);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
