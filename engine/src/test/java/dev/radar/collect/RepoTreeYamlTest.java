package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.RepoFacts;
import dev.radar.yaml.YamlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GitHub workflow is read by two collectors (actions used, and CI steps): the tree reads and parses it once. */
class RepoTreeYamlTest {

    private static final String WORKFLOW = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: npx eslint .
            """;

    /** Blobs of a commit, counting reads per path (as the org scan reads them from git). */
    private static final class CountingBlobs implements RepoTree.Blobs {
        final Map<String, byte[]> files;
        final Map<String, Integer> reads = new HashMap<>();

        CountingBlobs(Map<String, String> files) {
            this.files = new HashMap<>();
            files.forEach((k, v) -> this.files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public long size(String path) {
            return files.get(path).length;
        }

        @Override
        public byte[] read(String path) {
            reads.merge(path, 1, Integer::sum);
            return files.get(path);
        }
    }

    @Test
    void a_workflow_is_read_and_parsed_once_for_both_collectors() {
        CountingBlobs blobs = new CountingBlobs(Map.of(".github/workflows/ci.yml", WORKFLOW));
        RepoTree tree = RepoTree.of(List.of(".github/workflows/ci.yml"), List.of(), List.of(), blobs);

        RepoFacts facts = Collectors.collect("demo", tree);

        assertThat(blobs.reads).containsExactly(Map.entry(".github/workflows/ci.yml", 1));
        assertThat(facts.ciSteps()).hasSize(2); // WorkflowStepsCollector
        assertThat(facts.dependencies()).anySatisfy(d -> assertThat(d.name()).contains("checkout")); // GitHubActionsCollector
    }

    @Test
    void the_same_parse_is_handed_out_and_an_empty_document_is_null() throws Exception {
        RepoTree tree = RepoTree.of(Map.of("a.yml", WORKFLOW.getBytes(StandardCharsets.UTF_8), "empty.yml", new byte[0]));
        assertThat(tree.yaml("a.yml")).isSameAs(tree.yaml("a.yml"));
        assertThat(tree.yaml("empty.yml")).isNull();
    }

    @Test
    void a_broken_workflow_is_reported_by_each_collector_as_before() {
        RepoTree tree = RepoTree.of(Map.of(".github/workflows/ci.yml", "jobs: [unclosed\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> tree.yaml(".github/workflows/ci.yml")).isInstanceOf(YamlException.class);
        assertThatThrownBy(() -> tree.yaml(".github/workflows/ci.yml")).isInstanceOf(YamlException.class);

        RepoFacts facts = Collectors.collect("demo", tree);

        assertThat(facts.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).contains("GitHub Actions file"))
                .anySatisfy(p -> assertThat(p).contains("CI configuration"));
    }

    @Test
    void a_file_that_cannot_be_read_throws_its_reason_every_time() {
        RepoTree tree = RepoTree.of(Map.of("bin.yml", new byte[] {'a', 0, 'b'}));
        assertThatThrownBy(() -> tree.yaml("bin.yml")).isInstanceOf(IOException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> tree.yaml("bin.yml")).isInstanceOf(IOException.class).hasMessageContaining("NUL");
    }
}
