package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycloneDxCollectorTest {

    @TempDir
    Path dir;

    @Test
    void json_sbom_lists_components_by_purl_with_direct_flags_and_shortest_paths() {
        RepoFacts facts = new InfraFixture(dir).file("sbom/app.cdx.json", """
                {
                  "bomFormat": "CycloneDX",
                  "specVersion": "1.5",
                  "metadata": {
                    "tools": {"components": [{"type": "application", "name": "cdxgen", "purl": "pkg:npm/cdxgen@10.0.0"}]},
                    "component": {"bom-ref": "app", "name": "app", "purl": "pkg:npm/app@1.0.0"}
                  },
                  "components": [
                    {
                      "bom-ref": "express", "type": "library", "name": "express", "version": "4.19.2",
                      "purl": "pkg:npm/express@4.19.2"
                    },
                    {"bom-ref": "body-parser", "name": "body-parser", "purl": "pkg:npm/body-parser@1.20.2"},
                    {"bom-ref": "bytes", "name": "bytes", "purl": "pkg:npm/bytes@3.1.2", "scope": "optional"},
                    {"bom-ref": "types", "name": "node", "group": "@types", "purl": "pkg:npm/%40types/node@20.11.0"},
                    {"bom-ref": "jackson", "name": "jackson-databind", "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.0?type=jar",
                     "components": [{"bom-ref": "nested", "name": "guava", "purl": "pkg:maven/com.google.guava/guava@33.0.0-jre"}]},
                    {"bom-ref": "gem", "name": "rails", "purl": "pkg:gem/rails@7.1.0"},
                    {"bom-ref": "nopurl", "name": "mystery"}
                  ],
                  "dependencies": [
                    {"ref": "app", "dependsOn": ["express", "types", "jackson"]},
                    {"ref": "express", "dependsOn": ["body-parser", "bytes"]},
                    {"ref": "body-parser", "dependsOn": ["bytes"]},
                    {"ref": "jackson", "dependsOn": ["nested"]}
                  ]
                }
                """).run(new CycloneDxCollector());

        assertThat(facts.problems()).isEmpty();
        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::direct, Dependency::via, Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.NPM, "", "express", "4.19.2", "4.19.2", true, List.of(), 9),
                        tuple(Ecosystem.NPM, "", "body-parser", "1.20.2", "1.20.2", false, List.of("express"), 13),
                        tuple(Ecosystem.NPM, "", "bytes", "3.1.2", "3.1.2", false, List.of("express"), 14),
                        tuple(Ecosystem.NPM, "@types", "node", "20.11.0", "20.11.0", true, List.of(), 15),
                        tuple(Ecosystem.MAVEN, "com.fasterxml.jackson.core", "jackson-databind", "2.17.0", "2.17.0", true, List.of(), 16),
                        tuple(Ecosystem.MAVEN, "com.google.guava", "guava", "33.0.0-jre", "33.0.0-jre", false,
                                List.of("com.fasterxml.jackson.core:jackson-databind"), 17));
        assertThat(facts.dependencies()).filteredOn(d -> d.name().equals("bytes")).extracting(Dependency::scope).containsExactly("optional");
    }

    @Test
    void xml_sbom_lists_components_at_their_line_with_the_dependency_graph() {
        RepoFacts facts = new InfraFixture(dir).file("bom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <metadata>
                    <tools><components><component type="application"><name>syft</name><purl>pkg:golang/github.com/anchore/syft@1.0.0</purl></component></components></tools>
                    <component type="application" bom-ref="root"><name>svc</name></component>
                  </metadata>
                  <components>
                    <component type="library" bom-ref="pkg:golang/github.com/gorilla/mux@v1.8.1">
                      <name>mux</name>
                      <version>v1.8.1</version>
                      <purl>pkg:golang/github.com/gorilla/mux@v1.8.1</purl>
                    </component>
                    <component type="library" bom-ref="yaml">
                      <supplier><name>not the component name</name></supplier>
                      <name>yaml.v3</name>
                      <purl>pkg:golang/gopkg.in/yaml.v3@v3.0.1</purl>
                    </component>
                    <component type="container" bom-ref="base">
                      <name>alpine</name>
                      <purl>pkg:oci/alpine@sha256%3Aabc123?repository_url=docker.io/library/alpine&amp;tag=3.20</purl>
                    </component>
                    <component type="library" bom-ref="action">
                      <name>checkout</name>
                      <purl>pkg:github/actions/checkout@v4</purl>
                    </component>
                  </components>
                  <dependencies>
                    <dependency ref="root">
                      <dependency ref="pkg:golang/github.com/gorilla/mux@v1.8.1"/>
                      <dependency ref="base"/>
                    </dependency>
                    <dependency ref="pkg:golang/github.com/gorilla/mux@v1.8.1">
                      <dependency ref="yaml"/>
                    </dependency>
                  </dependencies>
                </bom>
                """).run(new CycloneDxCollector());

        assertThat(facts.problems()).isEmpty();
        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::version, Dependency::direct,
                        Dependency::via, Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.GO, "", "github.com/gorilla/mux", "v1.8.1", true, List.of(), 8),
                        tuple(Ecosystem.GO, "", "gopkg.in/yaml.v3", "v3.0.1", false, List.of("github.com/gorilla/mux"), 13),
                        tuple(Ecosystem.DOCKER, "docker.io/library", "alpine", "3.20@sha256:abc123", true, List.of(), 18),
                        tuple(Ecosystem.GITHUB_ACTION, "actions", "checkout", "v4", false, List.of(), 22));
    }

    @Test
    void xml_sbom_with_an_external_entity_is_not_resolved_and_does_not_crash() throws IOException {
        Path secret = dir.resolve("outside-secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        RepoFacts facts = new InfraFixture(dir.resolve("repo")).file("bom.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE bom [
                  <!ENTITY xxe SYSTEM "%s">
                  <!ENTITY %% remote SYSTEM "http://127.0.0.1:9/evil.dtd">
                  %%remote;
                ]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.5">
                  <components>
                    <component type="library" bom-ref="a">
                      <name>&xxe;</name>
                      <purl>pkg:npm/left-pad@1.3.0</purl>
                    </component>
                  </components>
                </bom>
                """.formatted(secret.toUri())).run(new CycloneDxCollector());

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bom.xml");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("&xxe;").doesNotContain("TOP-SECRET-MARKER");
        });
    }

    @Test
    void broken_json_is_a_problem_and_a_json_bom_of_another_format_is_ignored() {
        RepoFacts facts = new InfraFixture(dir)
                .file("a/bom.json", "{\n  \"bomFormat\": \"CycloneDX\",\n  \"components\": [\n")
                .file("b/bom.json", "{\"name\": \"not an sbom\", \"components\": [{\"purl\": \"pkg:npm/x@1\"}]}")
                .run(new CycloneDxCollector());

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).extracting(FileProblem::file).containsExactly("a/bom.json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pkg:maven/org.apache.commons/commons-lang3@3.14.0  | maven  | org.apache.commons | commons-lang3 | 3.14.0",
        "pkg:npm/%40angular/core@17.0.0                     | npm    | @angular           | core          | 17.0.0",
        "pkg:npm/@angular/core                              | npm    | @angular           | core          | ''",
        "pkg:pypi/Django@5.0.1                              | pypi   | ''                 | Django        | 5.0.1",
        "pkg:golang/github.com/gin-gonic/gin@v1.9.1         | go     | ''                 | github.com/gin-gonic/gin | v1.9.1",
        "pkg:cargo/serde@1.0.197                            | cargo  | ''                 | serde         | 1.0.197",
        "pkg:docker/library/nginx@1.25?repository_url=docker.io | docker | docker.io/library | nginx     | 1.25",
        "pkg:docker/nginx@sha256%3Aabc                      | docker | ''                 | nginx         | sha256:abc",
        "pkg:github/actions/checkout@v4                     | github-action | actions     | checkout      | v4",
        "pkg:helm/ingress-nginx@4.9.0?repository_url=https://kubernetes.github.io/ingress-nginx | helm | https://kubernetes.github.io/ingress-nginx | ingress-nginx | 4.9.0",
    })
    void package_urls_map_to_ecosystems_and_coordinates(String purl, String ecosystem, String group, String name, String version) {
        assertThat(PackageUrl.parse(purl)).contains(new PackageUrl(Ecosystem.byId(ecosystem).orElseThrow(), group, name, version));
    }

    @Test
    void package_urls_of_unknown_types_are_not_mapped() {
        assertThat(PackageUrl.parse("pkg:gem/rails@7.1.0")).isEmpty();
        assertThat(PackageUrl.parse("not-a-purl")).isEmpty();
    }
}
