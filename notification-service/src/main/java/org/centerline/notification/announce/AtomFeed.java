package org.centerline.notification.announce;

import java.time.Instant;
import java.util.List;

/** Renders announcements as an Atom 1.0 feed (RFC 4287), like CSMS's web feed of recent messages. */
final class AtomFeed {

    private AtomFeed() {
    }

    static String render(List<NumberedAnnouncement> announcements, Instant now) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <id>urn:centerline:announcements</id>\n")
                .append("  <title>Centerline: Center announcements</title>\n")
                .append("  <updated>").append(announcements.isEmpty() ? now : announcements.get(0).publishedAt())
                .append("</updated>\n")
                .append("  <link rel=\"self\" href=\"/api/announcements\"/>\n");
        for (NumberedAnnouncement a : announcements) {
            xml.append("  <entry>\n")
                    .append("    <id>urn:centerline:announcement:").append(escape(a.id())).append("</id>\n")
                    .append("    <title>CSMS #").append(escape(a.number())).append(" - ").append(escape(a.title()))
                    .append("</title>\n")
                    .append("    <updated>").append(a.publishedAt()).append("</updated>\n")
                    .append("    <author><name>").append(a.centerCode() == null ? "All Centers" : escape(a.centerCode()))
                    .append("</name></author>\n");
            for (String audience : a.audiences()) {
                xml.append("    <category term=\"").append(escape(audience)).append("\"/>\n");
            }
            xml.append("    <content type=\"text\">").append(escape(a.body())).append("</content>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters: drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
