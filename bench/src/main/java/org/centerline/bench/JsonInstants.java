package org.centerline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.centerline.contracts.json.CenterlineJson;
import tools.jackson.databind.JsonNode;

/** Reads an ISO-8601 instant field such as {@code "routedAt":"2026-11-20T10:15:30.125Z"} from a JSON record, cheaply. */
final class JsonInstants {

    private JsonInstants() {
    }

    /** The instant in top-level string field {@code name}; a plain text search first, the full JSON parser if that fails. */
    static Instant field(byte[] json, String name) {
        String text = new String(json, StandardCharsets.UTF_8);
        String marker = "\"" + name + "\":\"";
        int at = text.indexOf(marker);
        if (at >= 0) {
            int from = at + marker.length();
            int to = text.indexOf('"', from);
            if (to > from) {
                try {
                    return Instant.parse(text.substring(from, to));
                } catch (RuntimeException e) {
                    // fall through to the parser
                }
            }
        }
        JsonNode node = CenterlineJson.mapper().readTree(json).get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("no " + name + " in " + text);
        }
        return Instant.parse(node.asString());
    }
}
