package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import dev.radar.model.UnknownDeclaration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileCollectorTest {

    @TempDir
    Path dir;

    private RepoFacts collect(String path, String text) {
        return new InfraFixture(dir).file(path, text).run(new DockerfileCollector());
    }

    @Test
    void multi_stage_build_lists_base_images_but_not_stage_aliases_or_scratch() {
        RepoFacts facts = collect("Dockerfile", """
                FROM golang:1.22-alpine AS Build
                RUN go build -o /app .

                FROM build AS test
                RUN go test ./...

                from scratch as minimal
                COPY --from=build /app /app

                FROM gcr.io/distroless/static
                COPY --from=build /app /app
                """);

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line, Dependency::scope)
                .containsExactly(
                        tuple(Ecosystem.DOCKER, "", "golang", "1.22-alpine", "1.22-alpine", 1, "build"),
                        tuple(Ecosystem.DOCKER, "gcr.io/distroless", "static", "", "latest", 10, "runtime"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void the_image_the_last_stage_builds_on_is_the_runtime_image_even_through_an_alias() {
        RepoFacts facts = collect("Dockerfile", """
                FROM node:20 AS deps
                FROM eclipse-temurin:21-jre AS base
                FROM deps AS build
                FROM base
                """);

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::scope)
                .containsExactly(tuple("node", "build"), tuple("eclipse-temurin", "runtime"));
    }

    @Test
    void global_arg_defaults_are_substituted_for_the_resolved_version_only() {
        RepoFacts facts = collect(".devcontainer/Dockerfile", """
                # comment
                ARG VARIANT=17-bullseye
                ARG REGISTRY="mcr.microsoft.com"
                ARG UNSET
                FROM ${REGISTRY}/vscode/devcontainers/java:0-${VARIANT}
                FROM python:${PY_VERSION:-3.12}-slim
                FROM node:$UNSET
                FROM ${REGISTRY}/dotnet/runtime:${UNSET}
                """);

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line)
                .containsExactly(
                        tuple("mcr.microsoft.com/vscode/devcontainers", "java", "0-${VARIANT}", "0-17-bullseye", 5),
                        tuple("", "python", "${PY_VERSION:-3.12}-slim", "3.12-slim", 6),
                        tuple("", "node", "$UNSET", "", 7),
                        tuple("mcr.microsoft.com/dotnet", "runtime", "${UNSET}", "", 8));
    }

    @Test
    void a_quoted_image_is_read_as_the_shell_word_buildkit_expands() {
        RepoFacts facts = collect("Dockerfile", """
                ARG BASE_IMAGE=acme/toolbox
                FROM "${BASE_IMAGE}" AS tools
                FROM "debian:12-slim"
                FROM "tools"
                """);

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line,
                        Dependency::scope)
                .containsExactly(
                        tuple("acme", "toolbox", "", "latest", 2, "runtime"),
                        tuple("", "debian", "12-slim", "12-slim", 3, "build"));
    }

    @Test
    void quotes_inside_the_image_word_are_dropped_as_buildkit_does() {
        RepoFacts facts = collect("Dockerfile", """
                ARG GHC_VERSION='9.4.8'
                ARG DEBIAN=bookworm
                FROM haskell:"${GHC_VERSION}" AS build
                FROM debian:"${DEBIAN}-slim"
                """);

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line,
                        Dependency::scope)
                .containsExactly(
                        tuple("", "haskell", "${GHC_VERSION}", "9.4.8", 3, "build"),
                        tuple("", "debian", "${DEBIAN}-slim", "bookworm-slim", 4, "runtime"));
    }

    @Test
    void an_arg_declared_inside_a_stage_does_not_reach_a_later_from() {
        RepoFacts facts = collect("Dockerfile", """
                FROM alpine:3.20 AS one
                ARG TAG=1.0
                FROM busybox:${TAG}
                """);

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::version)
                .containsExactly(tuple("alpine", "3.20", "3.20"), tuple("busybox", "${TAG}", ""));
    }

    @Test
    void platform_flag_is_skipped_and_digest_pins_are_kept() {
        RepoFacts facts = collect("Dockerfile", """
                ARG BUILDPLATFORM=linux/amd64
                FROM --platform=$BUILDPLATFORM golang:1.26-alpine@sha256:0178a641fbb4858c5f1b48e34bdaabe0350a330a1b1149aabd498d0699ff5fb2 AS builder
                FROM --platform linux/arm64 alpine@sha256:28bd5fe8b56d1bd048e5babf5b10710ebe0bae67db86916198a6eec434943f8b
                """);

        assertThat(facts.dependencies())
                .extracting(Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line)
                .containsExactly(
                        tuple("golang", "1.26-alpine@sha256:0178a641fbb4858c5f1b48e34bdaabe0350a330a1b1149aabd498d0699ff5fb2",
                                "1.26-alpine@sha256:0178a641fbb4858c5f1b48e34bdaabe0350a330a1b1149aabd498d0699ff5fb2", 2),
                        tuple("alpine", "sha256:28bd5fe8b56d1bd048e5babf5b10710ebe0bae67db86916198a6eec434943f8b",
                                "sha256:28bd5fe8b56d1bd048e5babf5b10710ebe0bae67db86916198a6eec434943f8b", 3));
    }

    @Test
    void registry_port_is_not_taken_for_a_tag() {
        RepoFacts facts = collect("Dockerfile", """
                FROM localhost:5000/team/app
                FROM registry.example.com:8443/base:2.1
                """);

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version)
                .containsExactly(
                        tuple("localhost:5000/team", "app", "", "latest"),
                        tuple("registry.example.com:8443", "base", "2.1", "2.1"));
    }

    @Test
    void continued_from_line_is_reported_at_its_first_line_and_heredoc_bodies_are_not_instructions() {
        RepoFacts facts = collect("Dockerfile", """
                FROM \\
                  # a comment inside the continuation
                  python:3.12-slim \\
                  AS base
                RUN <<EOF
                FROM this-is-not-an-image
                EOF
                COPY <<-CONF /etc/app.conf
                \tFROM neither-is-this
                \tCONF
                FROM base
                """);

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::line)
                .containsExactly(tuple("python", "3.12-slim", 1));
    }

    @Test
    void only_a_whole_shell_word_starting_with_double_angle_opens_a_heredoc() {
        RepoFacts facts = collect("Dockerfile", """
                FROM alpine:3.20 AS tools
                RUN echo "<<not a heredoc" && echo '<<EOF' && echo $((1<<3)) && echo a<<b
                FROM golang:1.23 AS build
                RUN cat <<'EOF' > /etc/app.conf
                FROM not-an-image:1
                EOF
                RUN --mount=type=cache,target=/root/.cache \\
                  python3 - <<PY
                print("FROM neither:2")
                PY
                FROM debian:12-slim
                """);

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::line)
                .containsExactly(tuple("alpine", "3.20", 1), tuple("golang", "1.23", 3), tuple("debian", "12-slim", 11));
    }

    @Test
    void escape_directive_changes_the_continuation_character() {
        RepoFacts facts = collect("Dockerfile", """
                # escape=`
                FROM `
                  mcr.microsoft.com/windows/servercore:ltsc2022
                RUN dir c:\\
                """);

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::line)
                .containsExactly(tuple("mcr.microsoft.com/windows", "servercore", "ltsc2022", 2));
    }

    @Test
    void from_without_an_image_is_a_problem_at_its_line() {
        RepoFacts facts = collect("Dockerfile", "FROM alpine:3\n\nFROM --platform=linux/amd64\n");

        assertThat(facts.dependencies()).hasSize(1);
        assertThat(facts.problems()).extracting(FileProblem::file, FileProblem::line).containsExactly(tuple("Dockerfile", 3));
    }

    @Test
    void source_files_named_like_dockerfile_variants_are_not_read_for_the_dockerfiles_in_their_strings() {
        RepoFacts facts = new InfraFixture(dir)
                .file("frontend/dockerfile/dockerfile_stage_test.go", """
                        package dockerfile

                        func testStages(t *testing.T) {
                        \tdockerfile := []byte(`
                        FROM busybox:1.36 AS base
                        FROM base
                        `)
                        }
                        """)
                .file("tools/dockerfile_lint.py", """
                        # Lints Dockerfiles.
                        from os import path
                        EXAMPLE = \"""
                        FROM python:3.12
                        \"""
                        """)
                .file("Dockerfile.dev", "# syntax=docker/dockerfile:1\nFROM --platform linux/amd64 node:20 AS dev\n")
                .file("docker/Dockerfile", "FROM nginx:1.27\n")
                .run(new DockerfileCollector());

        assertThat(facts.dependencies()).extracting(Dependency::file, Dependency::name, Dependency::declaredVersion)
                .containsExactly(tuple("Dockerfile.dev", "node", "20"), tuple("docker/Dockerfile", "nginx", "1.27"));
        assertThat(facts.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is read: {1}")
    @CsvSource({
        "Dockerfile, true",
        "src/api/Dockerfile, true",
        "Dockerfile.debug, true",
        "Dockerfile-telemetry, true",
        "build/app.Dockerfile, true",
        "Containerfile, true",
        "images/Containerfile.fedora, true",
        "Containerfile_ubi9, true",
        "dockerfile, true",
        "Dockerfile.dockerignore, false",
        "docs/Dockerfile.md, false",
        "Dockerfiles/readme.txt, false",
        "Makefile, false",
    })
    void dockerfile_names(String path, boolean wanted) {
        assertThat(new DockerfileCollector().wants(path)).isEqualTo(wanted);
    }

    @Test
    void arg_values_that_double_at_each_line_stay_unresolved_instead_of_exhausting_memory() {
        // Found by fuzzing: ARG A40=${A39}${A39} grew to 2^40 characters (OutOfMemoryError escaped the scan).
        StringBuilder file = new StringBuilder("ARG A0=xxxxxxxxxxxxxxxx\n");
        for (int i = 1; i <= 40; i++) {
            file.append("ARG A").append(i).append("=${A").append(i - 1).append("}${A").append(i - 1).append("}\n");
        }
        file.append("FROM alpine:${A40}\nFROM busybox:${A1}\n");
        RepoFacts facts = collect("Dockerfile", file.toString());
        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::version)
                .containsExactly(tuple("alpine", ""), tuple("busybox", "x".repeat(32)));
    }

    @Test
    void a_base_image_from_an_arg_without_default_is_not_understood_once_and_its_stage_is_still_an_alias() {
        RepoFacts facts = collect("Dockerfile", """
                ARG BASE
                FROM ${BASE} AS build
                RUN make

                FROM build
                RUN make test
                """);

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::line, UnknownDeclaration::text)
                .containsExactly(tuple(2, "image ${BASE}"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void dockerfiles_of_projects_copied_into_a_go_vendor_folder_are_not_this_repositorys() throws Exception {
        new InfraFixture(dir)
                .file("go.mod", "module example.com/app\n\ngo 1.16\n\nrequire github.com/acme/engine v1.0.0\n")
                .file("Dockerfile", "FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12\n")
                .file("vendor/modules.txt", "# github.com/acme/engine v1.0.0\n")
                .file("vendor/github.com/acme/engine/Dockerfile", "FROM debian:8\n")
                .file("vendor/github.com/acme/engine/go.mod", "module github.com/acme/engine\n\nrequire example.com/x v0.1.0\n")
                .file("legacy/Gopkg.lock", "[[projects]]\n")
                .file("legacy/vendor/github.com/old/tool/Dockerfile", "FROM ubuntu:14.04\n")
                .file("web/vendor/Dockerfile", "FROM nginx:1.27\n"); // a folder merely named vendor still counts

        RepoFacts facts = Collectors.collect("repo", dir);

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::file).containsExactlyInAnyOrder(
                tuple("golang", "Dockerfile"), tuple("static-debian12", "Dockerfile"), tuple("github.com/acme/engine", "go.mod"),
                tuple("nginx", "web/vendor/Dockerfile"));
    }
}
