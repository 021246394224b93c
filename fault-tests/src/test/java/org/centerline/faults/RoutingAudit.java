package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.sample.FilingGenerator.Filing;
import org.centerline.contracts.schema.ContractSchemas;
import org.centerline.contracts.topic.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Everything routing left on its output topics, read committed to the end: how often each key appears on
 * {@code entry-summaries.routed}, on {@code entry-summaries.rejected} (and whether each rejection has reasons and is
 * what the published schema says), and as {@code ROUTED} on which Center topics. The fault tests compare it with
 * what they filed.
 */
final class RoutingAudit {

    final Map<String, Integer> routed = new HashMap<>();
    final Map<String, Integer> rejected = new HashMap<>();
    /** Key -> the Center topics it was routed onto, one element per {@code ROUTED} record. */
    final Map<String, List<String>> onCenterTopics = new HashMap<>();
    int routedTotal;
    int rejectedTotal;
    int rejectedWithoutKey;
    int centerTotal;
    int withdrawn;
    /** Rejections whose reasons list was empty or unreadable. */
    int rejectedWithoutReasons;
    /** Every reason code the rejections used. */
    final Set<String> reasonCodes = new TreeSet<>();
    /** Rejections the published rejection schema refuses (the first ten, with why). */
    final List<String> rejectedNotBySchema = new ArrayList<>();

    static RoutingAudit read(CommittedLog log) {
        RoutingAudit a = new RoutingAudit();
        log.readAll(List.of(Topics.ROUTED.name()), (r, key) -> {
            a.routedTotal++;
            a.routed.merge(key, 1, Integer::sum);
        });
        log.readAll(List.of(Topics.REJECTED.name()), (r, key) -> {
            a.rejectedTotal++;
            if (key == null) {
                a.rejectedWithoutKey++;
            } else {
                a.rejected.merge(key, 1, Integer::sum);
            }
            JsonNode rejection = CenterlineJson.mapper().readTree(r.value());
            JsonNode reasons = rejection.path("reasons");
            if (!reasons.isArray() || reasons.isEmpty() || reasons.path(0).path("code").asString("").isEmpty()) {
                a.rejectedWithoutReasons++;
            }
            reasons.forEach(reason -> a.reasonCodes.add(reason.path("code").asString("")));
            List<Error> errors = ContractSchemas.schema(ContractSchemas.REJECTION).validate(rejection);
            if (!errors.isEmpty() && a.rejectedNotBySchema.size() < 10) {
                a.rejectedNotBySchema.add(key + ": " + errors);
            }
        });
        List<String> centerTopics = Centers.all().stream().map(c -> Topics.centerTopicName(c.code())).toList();
        log.readAll(centerTopics, (r, key) -> {
            String action = CenterlineJson.mapper().readTree(r.value()).path("action").asString("");
            if (action.equals("ROUTED")) {
                a.centerTotal++;
                a.onCenterTopics.computeIfAbsent(key, k -> new ArrayList<>()).add(r.topic());
            } else {
                a.withdrawn++;
            }
        });
        return a;
    }

    /**
     * The guarantee of DESIGN.md for {@code filings} (distinct entry numbers, no re-filings): each valid one routed
     * exactly once, on exactly one Center topic, each invalid one rejected exactly once with reasons, nothing else;
     * filed = routed + rejected.
     */
    void assertEveryFilingInExactlyOnePlace(List<Filing> filings) {
        Set<String> valid = new HashSet<>();
        Set<String> invalid = new HashSet<>();
        for (Filing f : filings) {
            if (f.valid()) {
                valid.add(f.key());
            } else {
                invalid.add(MalformedFilings.rejectionKey(f.key(), f.json()));
            }
        }
        assertThat(valid.size() + invalid.size()).as("distinct filings").isEqualTo(filings.size());
        assertThat(routedMoreThanOnce()).as("routed more than once").isEmpty();
        assertThat(onCenterTopicsMoreThanOnce()).as("on the Center topics more than once").isEmpty();
        assertThat(rejectedMoreThanOnce()).as("rejected more than once").isEmpty();
        assertThat(routed.keySet()).as("routed").isEqualTo(valid);
        assertThat(onCenterTopics.keySet()).as("on a Center topic").isEqualTo(valid);
        assertThat(rejected.keySet()).as("rejected").isEqualTo(invalid);
        assertThat(withdrawn).as("withdrawals (there were no re-filings)").isZero();
        assertThat(rejectedWithoutKey).as("rejections without a key").isZero();
        assertThat(rejectedWithoutReasons).as("rejections without reasons").isZero();
        assertThat(rejectedNotBySchema).as("rejections the rejection schema refuses").isEmpty();
        assertThat(routedTotal + rejectedTotal).as("routed + rejected").isEqualTo(filings.size());
        assertThat(centerTotal).as("records on the Center topics").isEqualTo(routedTotal);
    }

    /** Keys seen more than once on the routed topic. */
    Set<String> routedMoreThanOnce() {
        return moreThanOnce(routed);
    }

    Set<String> rejectedMoreThanOnce() {
        return moreThanOnce(rejected);
    }

    /** Keys with more than one {@code ROUTED} record over all Center topics. */
    Set<String> onCenterTopicsMoreThanOnce() {
        Set<String> keys = new HashSet<>();
        onCenterTopics.forEach((k, topics) -> {
            if (topics.size() > 1) {
                keys.add(k);
            }
        });
        return keys;
    }

    private static Set<String> moreThanOnce(Map<String, Integer> counts) {
        Set<String> keys = new HashSet<>();
        counts.forEach((k, n) -> {
            if (n > 1) {
                keys.add(k);
            }
        });
        return keys;
    }
}
