package org.centerline.localstack.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.centerline.contracts.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the registry's topics with their partitions and configs, because the broker never
 * auto-creates one; idempotent, so every start can run it.
 */
public final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
    private static final short REPLICATION = 1;
    private static final long TIMEOUT_SECONDS = 30;

    /** What one run did: topics it created and topics that were already there. */
    public record Result(List<String> created, List<String> existing) {
        public int total() {
            return created.size() + existing.size();
        }
    }

    private TopicCreator() {
    }

    /** Creates each topic that does not exist yet; existing ones are left as they are (a partition shortfall is logged). */
    public static Result ensure(Admin admin, Collection<Topic> topics) {
        List<NewTopic> requests = new ArrayList<>();
        for (Topic t : topics) {
            requests.add(new NewTopic(t.name(), t.partitions(), REPLICATION).configs(t.configs()));
        }
        CreateTopicsResult result = admin.createTopics(requests);
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> e : result.values().entrySet()) {
            try {
                e.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(e.getKey());
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof TopicExistsException) {
                    existing.add(e.getKey());
                } else {
                    throw new IllegalStateException("cannot create topic " + e.getKey() + ": " + ex.getCause(), ex.getCause());
                }
            } catch (TimeoutException ex) {
                throw new IllegalStateException("creating topic " + e.getKey() + " timed out after " + TIMEOUT_SECONDS + " s", ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", ex);
            }
        }
        if (!existing.isEmpty()) {
            warnOnShortfall(admin, topics, existing);
        }
        return new Result(List.copyOf(created), List.copyOf(existing));
    }

    /** Partition counts of the given topics as the broker has them. */
    public static Map<String, Integer> partitions(Admin admin, Collection<String> names) {
        try {
            Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Integer> counts = new LinkedHashMap<>();
            d.forEach((name, desc) -> counts.put(name, desc.partitions().size()));
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topics " + names + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        }
    }

    private static void warnOnShortfall(Admin admin, Collection<Topic> topics, List<String> existing) {
        Map<String, Integer> actual = partitions(admin, existing);
        for (Topic t : topics) {
            Integer n = actual.get(t.name());
            if (n != null && n != t.partitions()) {
                log.warn("topic {} has {} partitions, the registry says {}; delete .centerline/ to recreate it",
                        t.name(), n, t.partitions());
            }
        }
    }
}
