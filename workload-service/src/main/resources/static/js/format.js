/*
 * Small DOM helpers and number/time formats shared by every part of the rebalance view.
 * No state and no network here.
 */

export const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
export const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Creates an element; attributes in attrs ("class", "text", aria-*, data-*, ...), then children. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((key) => {
      const value = attrs[key];
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
  children.forEach((child) => append(node, child));
  return node;
}

export function append(node, child) {
  if (child === null || child === undefined || child === false) {
    return;
  }
  if (Array.isArray(child)) {
    child.forEach((c) => append(node, c));
  } else if (typeof child === "string" || typeof child === "number") {
    node.appendChild(document.createTextNode(String(child)));
  } else {
    node.appendChild(child);
  }
}

export function byId(id) {
  return document.getElementById(id);
}

export function replaceChildren(node, ...children) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  children.forEach((child) => append(node, child));
}

export function pad2(n) {
  return n < 10 ? "0" + n : String(n);
}

export function clock(date) {
  return pad2(date.getHours()) + ":" + pad2(date.getMinutes()) + ":" + pad2(date.getSeconds());
}

export function isNumber(x) {
  return typeof x === "number" && isFinite(x);
}

export function percent(fraction) {
  return integer.format(Math.round(fraction * 100)) + " %";
}

export function points(x) {
  return x >= 100 ? integer.format(x) : oneDecimal.format(x);
}

/** 11520 -> "3 h 12 min"; 45 -> "45 s"; 93600 -> "1 d 2 h". */
export function humanAge(seconds) {
  if (!isNumber(seconds) || seconds < 0) {
    return "–";
  }
  const s = Math.floor(seconds);
  if (s < 60) {
    return s + " s";
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return minutes + " min";
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return hours + " h " + (minutes % 60) + " min";
  }
  const days = Math.floor(hours / 24);
  return days + " d " + (hours % 24) + " h";
}

/**
 * A window as the service writes it, for people: ISO-8601 ("PT720H", "P7D") or Spring's short form
 * ("30d", "36h", "90m") -> "30 days", "7 days", "36 hours"; anything else as given.
 */
export function humanWindow(text) {
  const value = String(text || "");
  let hours = null;
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
  const short = /^(\d+)\s*(d|h|m)$/i.exec(value);
  if (iso && value !== "P") {
    hours = (Number(iso[1] || 0) * 24) + Number(iso[2] || 0) + Number(iso[3] || 0) / 60;
  } else if (short) {
    hours = Number(short[1]) * { d: 24, h: 1, m: 1 / 60 }[short[2].toLowerCase()];
  }
  if (hours === null) {
    return value || "unknown";
  }
  if (hours > 0 && hours % 24 === 0) {
    const d = hours / 24;
    return d + (d === 1 ? " day" : " days");
  }
  return integer.format(hours) + (hours === 1 ? " hour" : " hours");
}

export function roleName(role, count) {
  const name = String(role || "specialist").toLowerCase().replace(/_/g, " ");
  return count === 1 ? name : name + "s";
}

export function sum(values) {
  return values.reduce((a, b) => a + (isNumber(b) ? b : 0), 0);
}

/** Short HTS chapter titles, so a commodity line reads as more than a number. */
export const CHAPTERS = {
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
