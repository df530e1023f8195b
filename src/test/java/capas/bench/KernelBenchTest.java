package capas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class KernelBenchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSpecWithoutItsArchiveKeepsEveryOtherArgumentInOrder() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree("""
                {"argv": ["/jdk/bin/java", "-Xshare:auto", "-XX:SharedArchiveFile=/k/capas.jsa", "-jar", "/k/capas.jar", "kernel",
                 "{connection_file}"], "display_name": "Java (Capas)"}""");

        ObjectNode bare = KernelBench.withoutArchive(spec);

        assertThat(bare.path("argv").toString())
                .isEqualTo("[\"/jdk/bin/java\",\"-Xshare:auto\",\"-jar\",\"/k/capas.jar\",\"kernel\",\"{connection_file}\"]");
        assertThat(bare.path("display_name").asText()).isEqualTo("Java (Capas)");
        assertThat(spec.path("argv")).hasSize(7);
    }

    @Test
    void aSpecWithoutArchiveHasNoSecondVariant() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree("{\"argv\": [\"java\", \"-jar\", \"capas.jar\", \"kernel\", \"{connection_file}\"]}");

        assertThat(KernelBench.withoutArchive(spec)).isNull();
    }
}
