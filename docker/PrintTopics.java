// Prints the topic registry (org.centerline.contracts.topic.Topics.all()) in the table format of
// docker/create-topics.sh: "<name> <partitions> [<key>=<value>,...]", configs sorted by key.
// Used by docker/check-compose.sh; run as a single-file source program against the built contracts:
//   java -cp contracts/target/classes docker/PrintTopics.java
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.centerline.contracts.topic.Topic;
import org.centerline.contracts.topic.Topics;

public class PrintTopics {
    public static void main(String[] args) {
        for (Topic t : Topics.all()) {
            String configs = new TreeMap<>(t.configs()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            System.out.println((t.name() + " " + t.partitions() + " " + configs).strip());
        }
    }
}
