package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    private static final ShellVariables VARS = new ShellVariables(Map.of("TAG", "1.4", "REG", "ghcr.io/acme", "BASE", "python:3.12"), true);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        // written                                   | group                    | name       | declared                  | resolved
        "python:3.12-slim                            | ''                       | python     | 3.12-slim                 | 3.12-slim",
        "nginx                                       | ''                       | nginx      | ''                        | latest",
        "docker.io/library/node:20                   | docker.io/library        | node       | 20                        | 20",
        "gcr.io/distroless/java17                    | gcr.io/distroless        | java17     | ''                        | latest",
        "localhost:5000/app:1                        | localhost:5000           | app        | 1                         | 1",
        "localhost:5000/app                          | localhost:5000           | app        | ''                        | latest",
        "redis@sha256:abc                            | ''                       | redis      | sha256:abc                | sha256:abc",
        "redis:7@sha256:abc                          | ''                       | redis      | 7@sha256:abc              | 7@sha256:abc",
        "app:${TAG:-latest}                          | ''                       | app        | ${TAG:-latest}            | 1.4",
        "app:${MISSING:-2.0}                         | ''                       | app        | ${MISSING:-2.0}           | 2.0",
        "app:${MISSING-2.0}                          | ''                       | app        | ${MISSING-2.0}            | 2.0",
        "app:${MISSING}                              | ''                       | app        | ${MISSING}                | ''",
        "${REG}/svc:${TAG}                           | ghcr.io/acme             | svc        | ${TAG}                    | 1.4",
        "${REGISTRY:-localhost:5000}/svc:${V:-0.1}   | localhost:5000           | svc        | ${V:-0.1}                 | 0.1",
        "${BASE}                                     | ''                       | python     | ''                        | 3.12",
        "${UNKNOWN}/svc:1                            | NONE                     | NONE       | NONE                      | NONE",
        "${REGISTRY:-ghcr.io/acme}/svc:${MISSING}    | ghcr.io/acme             | svc        | ${MISSING}                | ''",
        "${REG}/svc@${MISSING}                       | ghcr.io/acme             | svc        | ${MISSING}                | ''",
        "${BASE}:${MISSING}                          | NONE                     | NONE       | NONE                      | NONE",
        "nginx:${TAG:?TAG must be set}               | ''                       | nginx      | ${TAG:?TAG must be set}   | 1.4",
        "nginx:${MISSING:?MISSING must be set}       | ''                       | nginx      | ${MISSING:?MISSING must be set} | ''",
        "nginx:1.27 extra                            | NONE                     | NONE       | NONE                      | NONE",
        // a template's placeholder is no tag or digest Docker accepts: declared as written, resolved to nothing
        "alpine:%%ALPINE_VERSION%%                   | ''                       | alpine     | %%ALPINE_VERSION%%        | ''",
        "acme.azurecr.io/app:#{Build.BuildId}#       | acme.azurecr.io          | app        | #{Build.BuildId}#         | ''",
        "nginx:{{.Version}}                          | ''                       | nginx      | {{.Version}}              | ''",
        "node:@@NODE@@-alpine                        | ''                       | node       | @NODE@@-alpine            | ''",
        "app:${MISSING:-%%TAG%%}                     | ''                       | app        | ${MISSING:-%%TAG%%}       | ''",
        "app:__TAG__                                 | ''                       | app        | __TAG__                   | __TAG__",
        "{{.Values.image}}                           | NONE                     | NONE       | NONE                      | NONE",
        "'   '                                       | NONE                     | NONE       | NONE                      | NONE",
    })
    void image_references_split_into_group_name_and_versions(String written, String group, String name, String declared, String resolved) {
        var ref = ImageReference.parse(written, VARS);
        if (name == null) {
            assertThat(ref).isEmpty();
        } else {
            assertThat(ref).contains(new ImageReference(group, name, declared, resolved));
        }
    }
}
