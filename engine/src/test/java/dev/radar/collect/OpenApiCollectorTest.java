package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.ApiOperation;
import dev.radar.model.ApiPath;
import dev.radar.model.ApiServer;
import dev.radar.model.ApiSpec;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiCollectorTest {

    @TempDir
    Path dir;

    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Orders
              version: 2.1.0
            servers:
              - url: https://{region}.api.example.com/{base}
                variables:
                  region:
                    default: eu
                  base:
                    default: v2
            paths:
              /orders:
                $ref: '#/components/pathItems/Orders'
              /orders/{id}:
                get:
                  operationId: getOrder
                  responses:
                    '200':
                      description: OK
                    '404':
                      $ref: '#/components/responses/NotFound'
                    '5XX':
                      $ref: 'common.yaml#/components/responses/ServerError'
                    x-internal: true
            components:
              pathItems:
                Orders:
                  post:
                    operationId: createOrder
                    responses:
                      '201':
                        description: Created
                      default:
                        description: Problem
                        content:
                          application/problem+json: {}
              responses:
                NotFound:
                  $ref: '#/components/responses/Problem'
                Problem:
                  description: Problem
                  content:
                    application/problem+json: {}
                    application/json: {}
            """;

    private RepoFacts collect(String path, String text) {
        return new RepoFixture(dir).file(path, text).collect();
    }

    @Test
    void a_spec_is_found_by_its_content_whatever_the_file_is_called() {
        RepoFacts facts = collect("contracts/orders-contract.yml", SPEC);
        assertThat(facts.apis()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("contracts/orders-contract.yml");
            assertThat(s.line()).isEqualTo(1);
            assertThat(s.format()).isEqualTo("openapi 3.0.3");
            assertThat(s.title()).isEqualTo("Orders");
            assertThat(s.version()).isEqualTo("2.1.0");
            assertThat(s.servers()).containsExactly(new ApiServer("https://eu.api.example.com/v2", 6));
            assertThat(s.paths()).containsExactly(new ApiPath("/orders", 13), new ApiPath("/orders/{id}", 15));
        });
    }

    @Test
    void each_operation_is_at_the_line_of_its_method_with_internal_refs_resolved() {
        List<ApiOperation> ops = collect("openapi.yaml", SPEC).operations();
        assertThat(ops).extracting(ApiOperation::display, ApiOperation::line, ApiOperation::operationId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("POST /orders", 29, "createOrder"),
                        org.assertj.core.groups.Tuple.tuple("GET /orders/{id}", 16, "getOrder"));
        ApiOperation get = ops.stream().filter(o -> o.method().equals("get")).findFirst().orElseThrow();
        assertThat(get.responseCodes()).containsExactly("200", "404", "5XX");
        // 404 follows two $refs; 5XX points into another file, so its body is unknown rather than wrong.
        assertThat(get.errorMediaTypes()).isEqualTo(Map.of("404", List.of("application/problem+json", "application/json")));
    }

    @Test
    void a_tab_indented_json_spec_with_escaped_slashes_is_read() {
        RepoFacts facts = collect("api.json", "{\n\t\"openapi\": \"3.1.0\",\n\t\"info\": {\"title\": \"A\\/B\", \"version\": \"1\"},\n"
                + "\t\"paths\": {\n\t\t\"/v1/items\": {\n\t\t\t\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}\n\t\t}\n\t}\n}\n");
        assertThat(facts.apis()).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("A/B"));
        assertThat(facts.operations()).singleElement().satisfies(o -> {
            assertThat(o.display()).isEqualTo("GET /v1/items");
            assertThat(o.line()).isEqualTo(6);
        });
    }

    @Test
    void swagger_2_servers_come_from_schemes_host_and_base_path() {
        RepoFacts facts = collect("swagger.yaml", """
                swagger: "2.0"
                info: {title: Pets, version: "1"}
                host: petstore.example.com
                basePath: /v2
                schemes: [https, http]
                produces: [application/json]
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {description: ok}
                        '400': {description: bad request}
                        '500': {description: boom, schema: {type: object}}
                """);
        ApiSpec spec = facts.apis().get(0);
        assertThat(spec.format()).isEqualTo("swagger 2.0");
        assertThat(spec.servers()).extracting(ApiServer::url)
                .containsExactly("https://petstore.example.com/v2", "http://petstore.example.com/v2");
        assertThat(facts.operations().get(0).errorMediaTypes())
                .isEqualTo(Map.of("400", List.of(), "500", List.of("application/json")));
    }

    @Test
    void yaml_and_json_that_are_not_specs_are_ignored() {
        RepoFacts facts = new RepoFixture(dir)
                .file("config.yml", "server:\n  port: 8080\nopenapi: 3.0.0\n")
                .file("chart/values.yaml", "docs:\n  openapi: 3.0.0\n")
                .file("data.json", "{\"nested\": {\"openapi\": \"3.0.0\"}}")
                .file("old.yaml", "swagger: \"1.2\"\n")
                .collect();
        assertThat(facts.apis()).hasSize(1); // config.yml: openapi at the top level makes it a spec, however odd
        assertThat(facts.apis().get(0).file()).isEqualTo("config.yml");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_spec_that_does_not_parse_is_a_problem_naming_file_and_line() {
        RepoFacts facts = collect("openapi.yaml", "openapi: 3.0.0\npaths:\n  /a: [unclosed\n");
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("openapi.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("API spec not valid YAML");
        });
        RepoFacts json = new RepoFixture(dir.resolve("j")).file("spec.json", "{\"openapi\": \"3.0.0\",\n \"paths\": {,}}").collect();
        assertThat(json.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("API spec is not valid JSON: Unexpected character").doesNotContain("JSON: not valid JSON");
        });
    }

    @Test
    void responses_merged_in_with_a_yaml_merge_key_count_and_the_merge_key_is_no_status_code() {
        // Bug: '<<' was read as a status code and the merged 404 and 5XX responses were lost.
        List<ApiOperation> ops = collect("openapi.yaml", """
                openapi: 3.0.3
                info: {title: Orders, version: '1'}
                x-errors: &errors
                  '404':
                    description: Not found
                    content:
                      application/problem+json: {}
                  '5XX':
                    description: Failure
                paths:
                  /v1/orders:
                    get:
                      responses:
                        <<: *errors
                        '200':
                          description: OK
                        '404':
                          description: Overridden here
                """).operations();
        assertThat(ops).singleElement().satisfies(o -> {
            assertThat(o.responseCodes()).containsExactly("200", "404", "5XX");
            assertThat(o.errorMediaTypes()).containsEntry("404", List.of()).containsEntry("5XX", List.of());
        });
    }

    @Test
    void an_operation_in_another_file_is_unknown_and_an_operation_behind_an_internal_ref_is_read() {
        // Bug: DigitalOcean's spec writes every operation as 'get: {$ref: resources/.../list.yml}'; each became an
        // operation without responses, and API-002 reported all of them as documenting no errors.
        RepoFacts facts = collect("specification/api.yaml", """
                openapi: 3.0.0
                paths:
                  /v2/images:
                    get:
                      $ref: "resources/images/images_list.yml"
                    post:
                      $ref: "#/x-operations/createImage"
                x-operations:
                  createImage:
                    operationId: createImage
                    responses:
                      '201': {description: Created}
                      '4XX': {description: Problem}
                """);
        assertThat(facts.operations()).extracting(ApiOperation::display, ApiOperation::line, ApiOperation::operationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST /v2/images", 6, "createImage"));
        assertThat(facts.operations().get(0).responseCodes()).containsExactly("201", "4XX");
        assertThat(facts.apis().get(0).paths()).extracting(ApiPath::path).containsExactly("/v2/images");
    }

    @Test
    void a_reference_cycle_ends_as_unknown_instead_of_hanging() {
        RepoFacts facts = collect("openapi.yaml", """
                openapi: 3.0.0
                paths:
                  /a:
                    get:
                      responses:
                        '400': {$ref: '#/components/responses/A'}
                components:
                  responses:
                    A: {$ref: '#/components/responses/B'}
                    B: {$ref: '#/components/responses/A'}
                """);
        assertThat(facts.operations().get(0).errorMediaTypes()).isEmpty();
    }

    @Test
    void a_reference_with_a_malformed_percent_escape_is_unknown_instead_of_failing_the_collector() {
        // Bug: URLDecoder threw IllegalArgumentException on '%zz', the collector failed and lost the whole spec.
        RepoFacts facts = collect("openapi.yaml", """
                openapi: 3.0.0
                paths:
                  /a:
                    get:
                      responses:
                        '400': {$ref: '#/components/responses/%zz'}
                """);
        assertThat(facts.problems()).isEmpty();
        assertThat(facts.operations()).singleElement().satisfies(o -> assertThat(o.errorMediaTypes()).isEmpty());
    }
}
