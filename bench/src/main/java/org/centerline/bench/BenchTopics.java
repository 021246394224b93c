package org.centerline.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.topic.Topics;

/** The baseline's topics, shaped like routing's so a transaction touches as many partitions (see bench/README.md). */
final class BenchTopics {

    static final String FILED_COPY = "bench.filed-copy";
    static final String CENTER_COPY = "bench.center-copy";
    static final String DECISIONS = "bench.decisions";

    private BenchTopics() {
    }

    /** Partitions of {@link #CENTER_COPY}: the ten Center topics' together (10 x 3). */
    static int centerCopyPartitions() {
        return Centers.all().size() * Topics.CENTER_TOPIC_PARTITIONS;
    }

    /** Creates the three topics (the broker is fresh, so they do not exist yet). */
    static void create(String bootstrap) {
        Map<String, String> large = Topics.FILED.configs();
        List<NewTopic> topics = List.of(
                new NewTopic(FILED_COPY, Topics.FILED.partitions(), (short) 1).configs(large),
                new NewTopic(CENTER_COPY, centerCopyPartitions(), (short) 1).configs(large),
                new NewTopic(DECISIONS, Topics.ROUTED.partitions(), (short) 1).configs(Topics.ROUTED.configs()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the benchmark topics: " + e, e);
        }
    }
}
