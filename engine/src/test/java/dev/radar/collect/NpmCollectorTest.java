package dev.radar.collect;

import static dev.radar.collect.CollectorFixture.byCoordinate;
import static dev.radar.collect.CollectorFixture.in;
import static dev.radar.collect.CollectorFixture.locked;
import static dev.radar.collect.CollectorFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RepoFacts;
import dev.radar.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmCollectorTest {
    @TempDir
    Path dir;

    private RepoFacts collect(String... pathsAndTexts) {
        CollectorFixture fixture = new CollectorFixture(dir);
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            fixture.file(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return fixture.collect(new NpmCollector());
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("fixture contains %s", needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void scoped_names_split_into_scope_and_name_and_every_range_stays_as_written() {
        RepoFacts facts = collect("package.json", """
                {
                  "name": "app",
                  "dependencies": {
                    "@types/node": "^20.1.0",
                    "express": "4.18.2",
                    "other": "npm:left-pad@1.3.0",
                    "lib": "git+https://github.com/acme/lib.git#v1",
                    "local": "file:../local",
                    "ws-pkg": "workspace:*"
                  },
                  "devDependencies": {
                    "@babel/core": "~7.22.0"
                  },
                  "peerDependencies": { "react": ">=17" },
                  "optionalDependencies": { "fsevents": "2.3.3" },
                  "engines": { "node": ">=18" }
                }
                """);

        List<Dependency> deps = in(facts, "package.json");
        assertThat(deps).extracting(CollectorFixture::row).containsExactly(
                "@types|node|^20.1.0||4",
                "|express|4.18.2|4.18.2|5",
                "|other|npm:left-pad@1.3.0||6",
                "|lib|git+https://github.com/acme/lib.git#v1||7",
                "|local|file:../local||8",
                "|ws-pkg|workspace:*||9",
                "@babel|core|~7.22.0||12",
                "|react|>=17||14",
                "|fsevents|2.3.3|2.3.3|15");
        assertThat(deps).extracting(Dependency::scope)
                .containsExactly("prod", "prod", "prod", "prod", "prod", "prod", "dev", "peer", "optional");
        assertThat(deps).allSatisfy(d -> {
            assertThat(d.ecosystem()).isEqualTo(Ecosystem.NPM);
            assertThat(d.direct()).isTrue();
        });
        assertThat(deps.get(0).coordinate()).isEqualTo("@types/node");
        assertThat(facts.problems()).isEmpty();
    }

    private static final String LOCK_V3 = """
            {
              "name": "app",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {
                  "dependencies": { "express": "^4.18.0", "@scope/util": "^1.0.0" },
                  "devDependencies": { "jest": "^29.0.0" }
                },
                "node_modules/express": {
                  "version": "4.18.2",
                  "dependencies": { "body-parser": "1.20.1", "debug": "2.6.9" }
                },
                "node_modules/body-parser": {
                  "version": "1.20.1",
                  "dependencies": { "bytes": "3.1.2" }
                },
                "node_modules/bytes": {
                  "version": "3.1.2"
                },
                "node_modules/debug": {
                  "version": "4.3.4",
                  "dev": true
                },
                "node_modules/express/node_modules/debug": {
                  "version": "2.6.9"
                },
                "node_modules/@scope/util": {
                  "version": "1.2.0"
                },
                "node_modules/jest": {
                  "version": "29.7.0",
                  "dev": true,
                  "dependencies": { "debug": "^4.3.0" }
                }
              }
            }
            """;

    @Test
    void package_lock_v3_resolves_direct_dependencies_and_lists_locked_packages_with_their_path() {
        RepoFacts facts = collect("package.json", """
                {
                  "dependencies": {
                    "express": "^4.18.0",
                    "@scope/util": "^1.0.0"
                  },
                  "devDependencies": {
                    "jest": "^29.0.0"
                  }
                }
                """, "package-lock.json", LOCK_V3);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|express|^4.18.0|4.18.2|3",
                "@scope|util|^1.0.0|1.2.0|4",
                "|jest|^29.0.0|29.7.0|7");
        List<Dependency> lock = in(facts, "package-lock.json");
        assertThat(lock).allSatisfy(d -> assertThat(d.direct()).isFalse());
        assertThat(lock).extracting(CollectorFixture::locked).containsExactly(
                "express|4.18.2|" + lineOf(LOCK_V3, "\"node_modules/express\"") + "|",
                "body-parser|1.20.1|" + lineOf(LOCK_V3, "\"node_modules/body-parser\"") + "|express",
                "bytes|3.1.2|" + lineOf(LOCK_V3, "\"node_modules/bytes\"") + "|express > body-parser",
                "debug|4.3.4|" + lineOf(LOCK_V3, "\"node_modules/debug\"") + "|jest",
                "debug|2.6.9|" + lineOf(LOCK_V3, "\"node_modules/express/node_modules/debug\"") + "|express",
                "@scope/util|1.2.0|" + lineOf(LOCK_V3, "\"node_modules/@scope/util\"") + "|",
                "jest|29.7.0|" + lineOf(LOCK_V3, "\"node_modules/jest\"") + "|");
        assertThat(byCoordinate(facts, "package-lock.json").get("jest").scope()).isEqualTo("dev");
        assertThat(byCoordinate(facts, "package-lock.json").get("@scope/util").group()).isEqualTo("@scope");
    }

    private static final String LOCK_V1 = """
            {
              "name": "app",
              "lockfileVersion": 1,
              "requires": true,
              "dependencies": {
                "express": {
                  "version": "4.18.2",
                  "requires": { "body-parser": "1.20.1", "debug": "2.6.9" },
                  "dependencies": {
                    "debug": { "version": "2.6.9" }
                  }
                },
                "body-parser": { "version": "1.20.1", "requires": { "bytes": "3.1.2" } },
                "bytes": { "version": "3.1.2" },
                "debug": { "version": "4.3.4", "dev": true }
              }
            }
            """;

    @Test
    void package_lock_v1_resolves_from_the_top_level_and_gives_nested_packages_their_path() {
        RepoFacts facts = collect("package.json", """
                {
                  "dependencies": { "express": "^4.17.0" },
                  "devDependencies": { "debug": "^4.3.0" }
                }
                """, "package-lock.json", LOCK_V1);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|express|^4.17.0|4.18.2|2",
                "|debug|^4.3.0|4.3.4|3");
        assertThat(in(facts, "package-lock.json")).extracting(CollectorFixture::locked).containsExactlyInAnyOrder(
                "express|4.18.2|6|",
                "debug|2.6.9|10|express",
                "body-parser|1.20.1|13|express",
                "bytes|3.1.2|14|express > body-parser",
                "debug|4.3.4|15|");
        assertThat(in(facts, "package-lock.json")).filteredOn(d -> d.line() == 15).extracting(Dependency::scope).containsExactly("dev");
    }

    @Test
    void package_lock_v1_alias_resolves_to_the_version_after_its_npm_prefix_and_locks_the_real_package() {
        String lock = """
                {
                  "lockfileVersion": 1,
                  "dependencies": {
                    "lint-old": {
                      "version": "npm:@acme/lint@7.32.0",
                      "dev": true
                    },
                    "pad": { "version": "npm:left-pad@1.3.0" }
                  }
                }
                """;
        RepoFacts facts = collect("package.json", """
                {
                  "dependencies": { "pad": "npm:left-pad@^1.3.0" },
                  "devDependencies": { "lint-old": "npm:@acme/lint@^7.32.0" }
                }
                """, "package-lock.json", lock);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|pad|npm:left-pad@^1.3.0|1.3.0|2",
                "|lint-old|npm:@acme/lint@^7.32.0|7.32.0|3");
        assertThat(in(facts, "package-lock.json")).extracting(CollectorFixture::locked).containsExactly(
                "@acme/lint|7.32.0|4|",
                "left-pad|1.3.0|8|");
    }

    @Test
    void package_lock_v1_file_tarball_and_git_sources_written_as_the_version_leave_it_unresolved() {
        String lock = """
                {
                  "lockfileVersion": 1,
                  "dependencies": {
                    "local": { "version": "file:libs/local" },
                    "pad": { "version": "https://registry.example.org/pad/-/pad-1.3.0.tgz" },
                    "tool": { "version": "git+https://github.com/acme/tool.git#0a1b2c3" },
                    "ms": { "version": "2.1.3" }
                  }
                }
                """;
        RepoFacts facts = collect("package.json", """
                {
                  "dependencies": {
                    "local": "file:./libs/local",
                    "pad": "https://registry.example.org/pad/-/pad-1.3.0.tgz",
                    "tool": "github:acme/tool",
                    "ms": "^2.1.0"
                  }
                }
                """, "package-lock.json", lock);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|local|file:./libs/local||3",
                "|pad|https://registry.example.org/pad/-/pad-1.3.0.tgz||4",
                "|tool|github:acme/tool||5",
                "|ms|^2.1.0|2.1.3|6");
        assertThat(in(facts, "package-lock.json")).extracting(CollectorFixture::locked).containsExactly(
                "local||4|", "pad||5|", "tool||6|", "ms|2.1.3|7|");
    }

    @Test
    void workspace_package_json_resolves_through_the_root_lock_and_self_links_are_not_dependencies() {
        RepoFacts facts = collect(
                "package.json", """
                        { "workspaces": ["packages/*"], "devDependencies": { "typescript": "^5.0.0" } }
                        """,
                "packages/app/package.json", """
                        { "name": "app", "dependencies": { "lodash": "^4.0.0", "ui": "*", "left-pad": "^1.0.0" } }
                        """,
                "packages/ui/package.json", """
                        { "name": "ui", "version": "2.0.0", "dependencies": { "lodash": "^3.0.0" } }
                        """,
                "package-lock.json", """
                        {
                          "lockfileVersion": 3,
                          "packages": {
                            "": { "workspaces": ["packages/*"], "devDependencies": { "typescript": "^5.0.0" } },
                            "node_modules/app": { "resolved": "packages/app", "link": true },
                            "node_modules/ui": { "resolved": "packages/ui", "link": true },
                            "node_modules/lodash": { "version": "4.17.21" },
                            "node_modules/left-pad": { "version": "1.3.0" },
                            "node_modules/typescript": { "version": "5.4.5", "dev": true },
                            "packages/app": { "name": "app", "version": "1.0.0",
                              "dependencies": { "lodash": "^4.0.0", "ui": "*", "left-pad": "^1.0.0" } },
                            "packages/ui": { "name": "ui", "version": "2.0.0", "dependencies": { "lodash": "^3.0.0" } },
                            "packages/ui/node_modules/lodash": { "version": "3.10.1" }
                          }
                        }
                        """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly("|typescript|^5.0.0|5.4.5|1");
        assertThat(in(facts, "packages/app/package.json")).extracting(CollectorFixture::row).containsExactly(
                "|lodash|^4.0.0|4.17.21|1", "|ui|*|2.0.0|1", "|left-pad|^1.0.0|1.3.0|1");
        assertThat(in(facts, "packages/ui/package.json")).extracting(CollectorFixture::row).containsExactly("|lodash|^3.0.0|3.10.1|1");
        assertThat(in(facts, "package-lock.json")).extracting(CollectorFixture::locked).containsExactlyInAnyOrder(
                "lodash|4.17.21|7|", "left-pad|1.3.0|8|", "typescript|5.4.5|9|", "lodash|3.10.1|13|");
    }

    private static final String YARN_CLASSIC = """
            # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
            # yarn lockfile v1


            "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
              version "7.12.13"
              resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.13.tgz#dcfc826b"
              integrity sha512-abc
              dependencies:
                "@babel/highlight" "^7.10.4"

            "@babel/highlight@^7.10.4":
              version "7.14.0"

            chalk@^4.0.0, chalk@^4.1.0:
              version "4.1.2"
              dependencies:
                ansi-styles "^4.1.0"

            ansi-styles@^4.1.0:
              version "4.3.0"
            """;

    @Test
    void yarn_classic_entries_with_several_specifiers_resolve_each_of_them() {
        RepoFacts facts = collect("package.json", """
                {
                  "dependencies": { "@babel/code-frame": "^7.10.4", "chalk": "^4.1.0" },
                  "devDependencies": { "ansi-styles": "^4.1.0" }
                }
                """, "yarn.lock", YARN_CLASSIC);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "@babel|code-frame|^7.10.4|7.12.13|2", "|chalk|^4.1.0|4.1.2|2", "|ansi-styles|^4.1.0|4.3.0|3");
        assertThat(in(facts, "yarn.lock")).extracting(CollectorFixture::locked).containsExactly(
                "@babel/code-frame|7.12.13|5|",
                "@babel/highlight|7.14.0|12|@babel/code-frame",
                "chalk|4.1.2|15|",
                "ansi-styles|4.3.0|20|chalk");
        // reached from a production dependency first, so it is not labelled dev
        assertThat(byCoordinate(facts, "yarn.lock").get("ansi-styles").scope()).isEqualTo("prod");
    }

    @Test
    void a_yarn_alias_entry_resolves_the_alias_and_its_locked_row_names_the_real_package() {
        String manifest = """
                { "dependencies": { "string-width-cjs": "npm:string-width@^4.2.0", "@acme/old": "npm:@acme/new@^2.0.0" } }
                """;
        RepoFacts classic = collect("package.json", manifest, "yarn.lock", """
                # yarn lockfile v1


                "@acme/old@npm:@acme/new@^2.0.0":
                  version "2.1.0"

                "string-width-cjs@npm:string-width@^4.2.0":
                  version "4.2.3"
                """);
        RepoFacts berry = new CollectorFixture(dir.resolve("berry")).file("package.json", manifest).file("yarn.lock", """
                __metadata:
                  version: 8

                "@acme/old@npm:@acme/new@^2.0.0":
                  version: 2.1.0
                  resolution: "@acme/new@npm:2.1.0"

                "string-width-cjs@npm:string-width@^4.2.0":
                  version: 4.2.3
                  resolution: "string-width@npm:4.2.3"
                """).collect(new NpmCollector());

        for (RepoFacts facts : List.of(classic, berry)) {
            assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                    "|string-width-cjs|npm:string-width@^4.2.0|4.2.3|1", "@acme|old|npm:@acme/new@^2.0.0|2.1.0|1");
            assertThat(in(facts, "yarn.lock")).extracting(CollectorFixture::locked).containsExactlyInAnyOrder(
                    "@acme/new|2.1.0|4|", "string-width|4.2.3|" + (facts == classic ? 7 : 8) + "|");
        }
    }

    @Test
    void yarn_berry_lock_resolves_npm_protocol_keys_and_skips_the_workspace_itself() {
        RepoFacts facts = collect("package.json", """
                { "name": "app", "dependencies": { "chalk": "^4.0.0" } }
                """, "yarn.lock", """
                # This file is generated by running "yarn install" inside your project.
                # Manual changes might be lost - proceed with caution!

                __metadata:
                  version: 6
                  cacheKey: 8

                "app@workspace:.":
                  version: 0.0.0-use.local
                  resolution: "app@workspace:."
                  dependencies:
                    chalk: ^4.0.0
                  languageName: unknown
                  linkType: soft

                "chalk@npm:^4.0.0, chalk@npm:^4.1.0":
                  version: 4.1.2
                  resolution: "chalk@npm:4.1.2"
                  dependencies:
                    ansi-styles: "npm:^4.1.0"
                  checksum: abc
                  languageName: node
                  linkType: hard

                "ansi-styles@npm:^4.1.0":
                  version: 4.3.0
                  resolution: "ansi-styles@npm:4.3.0"
                  languageName: node
                  linkType: hard
                """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly("|chalk|^4.0.0|4.1.2|1");
        assertThat(in(facts, "yarn.lock")).extracting(CollectorFixture::locked).containsExactly(
                "chalk|4.1.2|16|", "ansi-styles|4.3.0|25|chalk");
    }

    @Test
    void yarn_berry_file_dependencies_keyed_with_the_declaring_workspace_locator_resolve() {
        RepoFacts facts = collect("package.json", FILE_DEPS_MANIFEST, "yarn.lock", """
                __metadata:
                  version: 8

                "local@file:./libs/local::locator=app%40workspace%3A.":
                  version: 2.0.1
                  resolution: "local@file:./libs/local#./libs/local::hash=cc3f03&locator=app%40workspace%3A."
                  languageName: node
                  linkType: hard

                "vendored@file:./vendor/pad-1.3.0.tgz::locator=app%40workspace%3A.":
                  version: 1.3.0
                  resolution: "vendored@file:./vendor/pad-1.3.0.tgz#./vendor/pad-1.3.0.tgz::hash=5c8e4c&locator=app%40workspace%3A."
                  languageName: node
                  linkType: hard
                """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|vendored|file:./vendor/pad-1.3.0.tgz|1.3.0|3",
                "|local|file:./libs/local|2.0.1|4");
        assertThat(in(facts, "yarn.lock")).extracting(Dependency::scope).containsExactly("prod", "prod");
    }

    private static final String PNPM_V9 = """
            lockfileVersion: '9.0'

            settings:
              autoInstallPeers: true
              excludeLinksFromLockfile: false

            importers:

              .:
                dependencies:
                  '@tinyhttp/app':
                    specifier: ^3.0.1
                    version: 3.0.1
                  react-dom:
                    specifier: ^18.2.0
                    version: 18.2.0(react@18.2.0)
                  string-width-cjs:
                    specifier: npm:string-width@^4.2.0
                    version: string-width@4.2.3
                devDependencies:
                  typescript:
                    specifier: ^5.9.3
                    version: 5.9.3

            packages:

              '@tinyhttp/app@3.0.1':
                resolution: {integrity: sha512-a}

              react-dom@18.2.0:
                resolution: {integrity: sha512-b}
                peerDependencies:
                  react: ^18.2.0

              react@18.2.0:
                resolution: {integrity: sha512-c}

              loose-envify@1.4.0:
                resolution: {integrity: sha512-d}

              string-width@4.2.3:
                resolution: {integrity: sha512-e}

              typescript@5.9.3:
                resolution: {integrity: sha512-f}

            snapshots:

              '@tinyhttp/app@3.0.1': {}

              react-dom@18.2.0(react@18.2.0):
                dependencies:
                  loose-envify: 1.4.0
                  react: 18.2.0

              react@18.2.0:
                dependencies:
                  loose-envify: 1.4.0

              loose-envify@1.4.0: {}

              string-width@4.2.3: {}

              typescript@5.9.3: {}
            """;

    private static final String PNPM_MANIFEST = """
            {
              "dependencies": {
                "@tinyhttp/app": "^3.0.1",
                "react-dom": "^18.2.0",
                "string-width-cjs": "npm:string-width@^4.2.0"
              },
              "devDependencies": { "typescript": "^5.9.3" }
            }
            """;

    private static final String FILE_DEPS_MANIFEST = """
            {
              "dependencies": {
                "vendored": "file:./vendor/pad-1.3.0.tgz",
                "local": "file:./libs/local"
              }
            }
            """;

    @Test
    void pnpm_v9_tarball_and_directory_dependencies_take_the_version_field_never_their_path() {
        String lock = """
                lockfileVersion: '9.0'

                importers:

                  .:
                    dependencies:
                      vendored:
                        specifier: file:./vendor/pad-1.3.0.tgz
                        version: pad@file:vendor/pad-1.3.0.tgz
                      local:
                        specifier: file:./libs/local
                        version: file:libs/local

                packages:

                  pad@file:vendor/pad-1.3.0.tgz:
                    resolution: {tarball: file:vendor/pad-1.3.0.tgz}
                    version: 1.3.0

                  local@file:libs/local:
                    resolution: {directory: libs/local, type: directory}

                snapshots:

                  pad@file:vendor/pad-1.3.0.tgz: {}

                  local@file:libs/local: {}
                """;
        RepoFacts facts = collect("package.json", FILE_DEPS_MANIFEST, "pnpm-lock.yaml", lock);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|vendored|file:./vendor/pad-1.3.0.tgz|1.3.0|3",
                "|local|file:./libs/local||4");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "pad|1.3.0|" + lineOf(lock, "  pad@file") + "|", "local||" + lineOf(lock, "  local@file") + "|");
    }

    @Test
    void pnpm_v9_git_dependencies_whose_url_holds_an_at_sign_take_the_version_field_and_keep_their_name() {
        String lock = """
                lockfileVersion: '9.0'

                importers:

                  .:
                    dependencies:
                      tool:
                        specifier: git+ssh://git@example.org/acme/tool.git#v2.0.1
                        version: git+https://git@example.org:acme/tool.git#0a1b2c3d4e5f60718293a4b5c6d7e8f901234567
                      '@acme/kit':
                        specifier: github:acme/kit#main
                        version: '@acme/kit@git+https://git@example.org:acme/kit.git#f0e1d2c3b4a5968778695a4b3c2d1e0f98765432'

                packages:

                  '@acme/kit@git+https://git@example.org:acme/kit.git#f0e1d2c3b4a5968778695a4b3c2d1e0f98765432':
                    resolution: {commit: f0e1d2c3b4a5968778695a4b3c2d1e0f98765432, repo: git@example.org:acme/kit.git, type: git}
                    version: 0.4.0

                  tool@git+https://git@example.org:acme/tool.git#0a1b2c3d4e5f60718293a4b5c6d7e8f901234567:
                    resolution: {commit: 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567, repo: git@example.org:acme/tool.git, type: git}
                    version: 2.0.1

                snapshots:

                  '@acme/kit@git+https://git@example.org:acme/kit.git#f0e1d2c3b4a5968778695a4b3c2d1e0f98765432': {}

                  tool@git+https://git@example.org:acme/tool.git#0a1b2c3d4e5f60718293a4b5c6d7e8f901234567: {}
                """;
        RepoFacts facts = collect("package.json", """
                {
                  "dependencies": {
                    "tool": "git+ssh://git@example.org/acme/tool.git#v2.0.1",
                    "@acme/kit": "github:acme/kit#main"
                  }
                }
                """, "pnpm-lock.yaml", lock);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|tool|git+ssh://git@example.org/acme/tool.git#v2.0.1|2.0.1|3",
                "@acme|kit|github:acme/kit#main|0.4.0|4");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "@acme/kit|0.4.0|" + lineOf(lock, "  '@acme/kit@git") + "|", "tool|2.0.1|" + lineOf(lock, "  tool@git") + "|");
        assertThat(byCoordinate(facts, "pnpm-lock.yaml").get("tool").scope()).isEqualTo("prod");
    }

    @Test
    void pnpm_v6_file_dependencies_keyed_by_their_path_take_the_name_and_version_fields() {
        String lock = """
                lockfileVersion: '6.0'

                dependencies:
                  vendored:
                    specifier: file:./vendor/pad-1.3.0.tgz
                    version: file:vendor/pad-1.3.0.tgz
                  local:
                    specifier: file:./libs/local
                    version: file:libs/local

                packages:

                  file:vendor/pad-1.3.0.tgz:
                    resolution: {tarball: file:vendor/pad-1.3.0.tgz}
                    name: pad
                    version: 1.3.0
                    dev: false

                  file:libs/local:
                    resolution: {directory: libs/local, type: directory}
                    name: local
                    dev: false
                """;
        RepoFacts facts = collect("package.json", FILE_DEPS_MANIFEST, "pnpm-lock.yaml", lock);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|vendored|file:./vendor/pad-1.3.0.tgz|1.3.0|3",
                "|local|file:./libs/local||4");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "pad|1.3.0|" + lineOf(lock, "  file:vendor") + "|", "local||" + lineOf(lock, "  file:libs") + "|");
    }

    @Test
    void pnpm_v5_and_v6_git_and_tarball_dependencies_keyed_by_host_path_take_the_version_field_never_the_path() {
        String manifest = """
                {
                  "dependencies": {
                    "tool": "github:acme/tool",
                    "pad": "https://example.com/pad-1.3.0.tgz",
                    "app": "^1.0.0"
                  }
                }
                """;
        String v6 = """
                lockfileVersion: '6.0'

                dependencies:
                  app:
                    specifier: ^1.0.0
                    version: 1.0.0
                  pad:
                    specifier: https://example.com/pad-1.3.0.tgz
                    version: '@example.com/pad-1.3.0.tgz'
                  tool:
                    specifier: github:acme/tool
                    version: github.com/acme/tool/0a1b2c3

                packages:

                  /app@1.0.0:
                    resolution: {integrity: sha512-a}
                    dependencies:
                      tool: github.com/acme/tool/0a1b2c3
                    dev: false

                  '@example.com/pad-1.3.0.tgz':
                    resolution: {tarball: https://example.com/pad-1.3.0.tgz}
                    name: pad
                    version: 1.3.0
                    dev: false

                  github.com/acme/tool/0a1b2c3:
                    resolution: {tarball: https://codeload.github.com/acme/tool/tar.gz/0a1b2c3}
                    name: tool
                    version: 2.4.0
                    dev: false
                """;
        String v5 = """
                lockfileVersion: 5.4

                specifiers:
                  app: ^1.0.0
                  pad: https://example.com/pad-1.3.0.tgz
                  tool: github:acme/tool

                dependencies:
                  app: 1.0.0
                  pad: '@example.com/pad-1.3.0.tgz'
                  tool: github.com/acme/tool/0a1b2c3

                packages:

                  github.com/acme/tool/0a1b2c3:
                    resolution: {tarball: https://codeload.github.com/acme/tool/tar.gz/0a1b2c3}
                    name: tool
                    dev: false
                """;

        RepoFacts six = collect("package.json", manifest, "pnpm-lock.yaml", v6);
        assertThat(in(six, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|tool|github:acme/tool|2.4.0|3", "|pad|https://example.com/pad-1.3.0.tgz|1.3.0|4", "|app|^1.0.0|1.0.0|5");
        assertThat(in(six, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).contains(
                "tool|2.4.0|" + lineOf(v6, "  github.com/acme") + "|");
        RepoFacts five = collect("package.json", manifest, "pnpm-lock.yaml", v5);
        assertThat(in(five, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|tool|github:acme/tool||3", "|pad|https://example.com/pad-1.3.0.tgz||4", "|app|^1.0.0|1.0.0|5");
        assertThat(in(five, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "tool||" + lineOf(v5, "  github.com/acme") + "|");
    }

    @Test
    void yarn_catalog_entries_resolve_through_the_range_their_yarnrc_catalog_gives_them_in_yarn_lock() {
        String yarnrc = """
                nodeLinker: node-modules

                catalog:
                  lodash: ^4.17.21

                catalogs:
                  react18:
                    react: ^18.3.1
                """;
        String lock = """
                # This file is generated by running "yarn install" inside your project.

                __metadata:
                  version: 8
                  cacheKey: 10c0

                "lodash@npm:^4.17.21":
                  version: 4.17.21
                  resolution: "lodash@npm:4.17.21"
                  languageName: node
                  linkType: hard

                "react@npm:^18.3.1":
                  version: 18.3.1
                  resolution: "react@npm:18.3.1"
                  languageName: node
                  linkType: hard
                """;
        RepoFacts facts = collect(".yarnrc.yml", yarnrc, "yarn.lock", lock, "package.json", """
                {
                  "dependencies": {
                    "lodash": "catalog:",
                    "react": "catalog:react18",
                    "left-pad": "catalog:"
                  }
                }
                """);

        assertThat(facts.problems()).isEmpty();
        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|lodash|catalog:|4.17.21|3", "|react|catalog:react18|18.3.1|4", "|left-pad|catalog:||5");
        assertThat(byCoordinate(facts, "yarn.lock").get("lodash").scope()).isEqualTo("prod");
    }

    @Test
    void a_pnpm_lock_written_as_two_documents_resolves_from_the_project_document_after_pnpms_own() {
        String lock = """
                ---
                lockfileVersion: '9.0'

                importers:

                  .:
                    configDependencies: {}
                    packageManagerDependencies:
                      pnpm:
                        specifier: 12.0.0
                        version: 12.0.0

                packages:

                  pnpm@12.0.0:
                    resolution: {integrity: sha512-a}

                snapshots:

                  pnpm@12.0.0: {}

                ---
                lockfileVersion: '9.0'

                importers:

                  .:
                    dependencies:
                      is-odd:
                        specifier: ^3.0.0
                        version: 3.0.1

                  packages/a:
                    devDependencies:
                      left-pad:
                        specifier: ^1.3.0
                        version: 1.3.0

                packages:

                  is-odd@3.0.1:
                    resolution: {integrity: sha512-b}

                  left-pad@1.3.0:
                    resolution: {integrity: sha512-c}

                snapshots:

                  is-odd@3.0.1: {}

                  left-pad@1.3.0: {}
                """;
        RepoFacts facts = collect("package.json", "{ \"dependencies\": { \"is-odd\": \"^3.0.0\" } }",
                "packages/a/package.json", "{ \"devDependencies\": { \"left-pad\": \"^1.3.0\" } }", "pnpm-lock.yaml", lock);

        assertThat(facts.problems()).isEmpty();
        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly("|is-odd|^3.0.0|3.0.1|1");
        assertThat(in(facts, "packages/a/package.json")).extracting(CollectorFixture::row).containsExactly("|left-pad|^1.3.0|1.3.0|1");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "is-odd|3.0.1|" + lineOf(lock, "  is-odd@3.0.1:") + "|", "left-pad|1.3.0|" + lineOf(lock, "  left-pad@1.3.0:") + "|");
    }

    @Test
    void a_pnpm_lock_of_more_than_a_million_nodes_without_aliases_is_read_not_refused_as_an_alias_bomb() {
        String lock = """
                lockfileVersion: '9.0'

                importers:

                  .:
                    dependencies:
                      left-pad:
                        specifier: ^1.3.0
                        version: 1.3.0

                packages:

                  left-pad@1.3.0:
                    resolution: {integrity: sha512-a}
                    os: [%s]

                snapshots:

                  left-pad@1.3.0: {}
                """.formatted("linux, ".repeat((int) YamlReader.MAX_EXPANDED_NODES) + "linux");
        RepoFacts facts = collect("package.json", "{ \"dependencies\": { \"left-pad\": \"^1.3.0\" } }", "pnpm-lock.yaml", lock);

        assertThat(facts.problems()).isEmpty();
        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly("|left-pad|^1.3.0|1.3.0|1");
    }

    @Test
    void pnpm_v9_keys_with_peer_suffixes_and_aliases_resolve_to_their_versions() {
        RepoFacts facts = collect("package.json", PNPM_MANIFEST, "pnpm-lock.yaml", PNPM_V9);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "@tinyhttp|app|^3.0.1|3.0.1|3",
                "|react-dom|^18.2.0|18.2.0|4",
                "|string-width-cjs|npm:string-width@^4.2.0|4.2.3|5",
                "|typescript|^5.9.3|5.9.3|7");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "@tinyhttp/app|3.0.1|27|",
                "react-dom|18.2.0|30|",
                "react|18.2.0|35|react-dom",
                "loose-envify|1.4.0|38|react-dom",
                "string-width|4.2.3|41|",
                "typescript|5.9.3|44|");
        assertThat(byCoordinate(facts, "pnpm-lock.yaml").get("typescript").scope()).isEqualTo("dev");
    }

    @Test
    void a_catalog_entry_that_names_a_workspace_range_resolves_to_that_workspace_package_version() {
        RepoFacts facts = collect(
                "pnpm-workspace.yaml", """
                        packages:
                          - 'pkgs/*'
                        catalog:
                          '@acme/types': workspace:*
                          zod: 3.25.0
                        """,
                "pkgs/types/package.json", """
                        { "name": "@acme/types", "version": "2.4.1" }
                        """,
                "pkgs/app/package.json", """
                        { "name": "app", "dependencies": { "@acme/types": "catalog:", "zod": "catalog:" } }
                        """,
                "pnpm-lock.yaml", """
                        lockfileVersion: '9.0'

                        catalogs:
                          default:
                            zod:
                              specifier: 3.25.0
                              version: 3.25.0

                        importers:

                          .: {}

                          pkgs/app:
                            dependencies:
                              '@acme/types':
                                specifier: 'catalog:'
                                version: link:../types
                              zod:
                                specifier: 'catalog:'
                                version: 3.25.0

                          pkgs/types: {}

                        packages:

                          zod@3.25.0:
                            resolution: {integrity: sha512-a}

                        snapshots:

                          zod@3.25.0: {}
                        """);

        assertThat(in(facts, "pkgs/app/package.json")).extracting(CollectorFixture::row).containsExactly(
                "@acme|types|catalog:|2.4.1|1", "|zod|catalog:|3.25.0|1");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void without_a_lock_entry_a_catalog_range_resolves_to_the_exact_version_its_pnpm_workspace_catalog_pins() {
        RepoFacts facts = collect(
                "pnpm-workspace.yaml", """
                        packages:
                          - 'libs/*'
                        catalog:
                          react: 18.3.1
                          lodash: ^4.17.21
                        catalogs:
                          legacy:
                            react: '=17.0.2'
                        """,
                "package.json", """
                        { "devDependencies": { "react": "catalog:", "lodash": "catalog:default", "vitest": "catalog:" } }
                        """,
                "libs/old/package.json", """
                        { "name": "old", "dependencies": { "react": "catalog:legacy", "redux": "catalog:legacy" } }
                        """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react|catalog:|18.3.1|1", "|lodash|catalog:default||1", "|vitest|catalog:||1");
        assertThat(in(facts, "libs/old/package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react|catalog:legacy|17.0.2|1", "|redux|catalog:legacy||1");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_catalog_range_resolves_through_the_bun_catalogs_of_the_root_package_json() {
        RepoFacts facts = collect(
                "package.json", """
                        {
                          "name": "mono",
                          "workspaces": {
                            "packages": ["apps/*"],
                            "catalog": { "react": "19.1.0", "zod": "^3.24.0" },
                            "catalogs": { "testing": { "jest": "30.0.0" } }
                          },
                          "catalog": { "react": "18.0.0", "hono": "4.7.0" },
                          "devDependencies": { "react": "catalog:" }
                        }
                        """,
                "apps/web/package.json", """
                        { "name": "web", "dependencies": { "react": "catalog:", "zod": "catalog:", "hono": "catalog:",
                          "jest": "catalog:testing", "vite": "catalog:" } }
                        """,
                "tools/package.json", """
                        { "name": "tools", "workspaces": ["x/*"], "catalogs": { "lint": { "eslint": "9.30.1" } },
                          "devDependencies": { "eslint": "catalog:lint" } }
                        """,
                "pnpm/pnpm-workspace.yaml", """
                        catalog:
                          react: 18.3.1
                        """,
                "pnpm/package.json", """
                        { "catalog": { "react": "17.0.2" }, "dependencies": { "react": "catalog:" } }
                        """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly("|react|catalog:|19.1.0|9");
        assertThat(in(facts, "apps/web/package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react|catalog:|19.1.0|1", "|zod|catalog:||1", "|hono|catalog:||1", "|jest|catalog:testing|30.0.0|2",
                "|vite|catalog:||2");
        assertThat(in(facts, "tools/package.json")).extracting(CollectorFixture::row).containsExactly("|eslint|catalog:lint|9.30.1|2");
        assertThat(in(facts, "pnpm/package.json")).extracting(CollectorFixture::row).containsExactly("|react|catalog:|18.3.1|1");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void bun_lock_resolves_each_workspace_through_its_own_install_path_and_lists_locked_packages() {
        String lock = """
                {
                  "lockfileVersion": 1,
                  "workspaces": {
                    "": {
                      "name": "mono",
                      "dependencies": { "react": "^19.0.0", "ui": "workspace:*", "str": "npm:string-width@^4", },
                      "devDependencies": { "tool": "github:acme/tool#main", "vendored": "file:vendor/vendored", },
                    },
                    "apps/web": {
                      "name": "@acme/web",
                      "version": "0.3.0",
                      "dependencies": { "react": "^18.2.0", "chalk": "^5.0.0", },
                    },
                  },
                  "packages": {
                    "@acme/web": ["@acme/web@workspace:apps/web"],

                    "chalk": ["chalk@5.3.0", "", {}, "sha512-a"],

                    "react": ["react@19.1.0", "", { "dependencies": { "scheduler": "^0.26.0" } }, "sha512-b"],

                    "scheduler": ["scheduler@0.26.0", "", {}, "sha512-c"],

                    "str": ["string-width@4.2.3", "", {}, "sha512-d"],

                    "tool": ["tool@github:acme/tool#0a1b2c3", { "dependencies": { "chalk": "^4.1.0" } }, "acme-tool-0a1b2c3"],

                    "ui": ["ui@workspace:packages/ui"],

                    "@acme/web/react": ["react@18.3.1", "", { "dependencies": { "scheduler": "^0.23.0" } }, "sha512-e"],

                    "@acme/web/react/scheduler": ["scheduler@0.23.2", "", {}, "sha512-f"],

                    "tool/chalk": ["chalk@4.1.2", "", {}, "sha512-g"],

                    "vendored": ["vendored@file:vendor/vendored", { "dependencies": { "chalk": "^5.0.0" } }],
                  }
                }
                """;
        RepoFacts facts = collect(
                "bun.lock", lock,
                "package.json", """
                        { "name": "mono", "dependencies": { "react": "^19.0.0", "ui": "workspace:*", "str": "npm:string-width@^4" },
                          "devDependencies": { "tool": "github:acme/tool#main", "vendored": "file:vendor/vendored" } }
                        """,
                "packages/ui/package.json", """
                        { "name": "ui", "version": "1.4.0" }
                        """,
                "apps/web/package.json", """
                        { "name": "@acme/web", "version": "0.3.0", "dependencies": { "react": "^18.2.0", "chalk": "^5.0.0" } }
                        """,
                "docs/package.json", """
                        { "name": "docs", "dependencies": { "react": "^19.0.0" } }
                        """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react|^19.0.0|19.1.0|1", "|ui|workspace:*|1.4.0|1", "|str|npm:string-width@^4|4.2.3|1",
                "|tool|github:acme/tool#main||2", "|vendored|file:vendor/vendored||2");
        assertThat(in(facts, "apps/web/package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react|^18.2.0|18.3.1|1", "|chalk|^5.0.0|5.3.0|1");
        assertThat(in(facts, "docs/package.json")).extracting(CollectorFixture::row).containsExactly("|react|^19.0.0||1");
        assertThat(in(facts, "bun.lock")).extracting(CollectorFixture::locked).containsExactly(
                "chalk|5.3.0|" + lineOf(lock, "\"chalk\": [") + "|",
                "react|19.1.0|" + lineOf(lock, "\"react\": [") + "|",
                "scheduler|0.26.0|" + lineOf(lock, "\"scheduler\": [") + "|react",
                "string-width|4.2.3|" + lineOf(lock, "\"str\": [") + "|",
                "tool||" + lineOf(lock, "\"tool\": [") + "|",
                "react|18.3.1|" + lineOf(lock, "\"@acme/web/react\"") + "|",
                "scheduler|0.23.2|" + lineOf(lock, "\"@acme/web/react/scheduler\"") + "|react",
                "chalk|4.1.2|" + lineOf(lock, "\"tool/chalk\"") + "|tool",
                "vendored||" + lineOf(lock, "\"vendored\": [") + "|");
        assertThat(in(facts, "bun.lock")).extracting(Dependency::scope).containsExactly(
                "prod", "prod", "prod", "prod", "dev", "prod", "prod", "dev", "dev");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_workspace_protocol_range_the_lock_only_links_resolves_to_the_version_of_the_workspace_package() {
        RepoFacts facts = collect(
                "package.json", """
                        { "name": "root", "private": true, "workspaces": ["packages/*"] }
                        """,
                "packages/ui/package.json", """
                        { "name": "@acme/ui", "version": "2.1.0" }
                        """,
                "packages/app/package.json", """
                        { "name": "app", "dependencies": { "@acme/ui": "workspace:^", "@acme/gone": "workspace:*", "left-pad": "^1.3.0" } }
                        """,
                "yarn.lock", """
                        __metadata:
                          version: 8

                        "@acme/ui@workspace:^, @acme/ui@workspace:packages/ui":
                          version: 0.0.0-use.local
                          resolution: "@acme/ui@workspace:packages/ui"
                          languageName: unknown
                          linkType: soft

                        "left-pad@npm:^1.3.0":
                          version: 1.3.0
                          resolution: "left-pad@npm:1.3.0"
                          languageName: node
                          linkType: hard
                        """);

        assertThat(in(facts, "packages/app/package.json")).extracting(CollectorFixture::row).containsExactly(
                "@acme|ui|workspace:^|2.1.0|1", "@acme|gone|workspace:*||1", "|left-pad|^1.3.0|1.3.0|1");
    }

    @Test
    void an_injected_pnpm_workspace_package_resolves_to_its_version_and_is_not_listed_as_locked() {
        String lock = """
                lockfileVersion: '9.0'

                importers:

                  packages/app:
                    dependencies:
                      '@acme/core':
                        specifier: workspace:^
                        version: file:packages/core(react@18.3.1)
                      local-tool:
                        specifier: file:../../tools/local-tool
                        version: file:tools/local-tool

                  packages/core: {}

                packages:

                  '@acme/core@file:packages/core':
                    resolution: {directory: packages/core, type: directory}
                    peerDependencies:
                      react: '*'

                  local-tool@file:tools/local-tool:
                    resolution: {directory: tools/local-tool, type: directory}

                  react@18.3.1:
                    resolution: {integrity: sha512-a}

                snapshots:

                  '@acme/core@file:packages/core(react@18.3.1)':
                    dependencies:
                      react: 18.3.1

                  local-tool@file:tools/local-tool: {}

                  react@18.3.1: {}
                """;
        RepoFacts facts = collect(
                "packages/core/package.json", """
                        { "name": "@acme/core", "version": "1.1.0", "peerDependencies": { "react": "*" } }
                        """,
                "packages/app/package.json", """
                        { "name": "app", "dependencies": { "@acme/core": "workspace:^", "local-tool": "file:../../tools/local-tool" } }
                        """,
                "pnpm-lock.yaml", lock);

        assertThat(in(facts, "packages/app/package.json")).extracting(CollectorFixture::row).containsExactly(
                "@acme|core|workspace:^|1.1.0|1", "|local-tool|file:../../tools/local-tool||1");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "local-tool||" + lineOf(lock, "  local-tool@file") + "|",
                "react|18.3.1|" + lineOf(lock, "  react@18.3.1:") + "|@acme/core");
    }

    @Test
    void pnpm_v6_keys_with_leading_slash_and_peer_suffix_are_read() {
        RepoFacts facts = collect("package.json", """
                { "dependencies": { "react-dom": "^18.2.0" }, "devDependencies": { "typescript": "^5.0.0" } }
                """, "pnpm-lock.yaml", """
                lockfileVersion: '6.0'

                dependencies:
                  react-dom:
                    specifier: ^18.2.0
                    version: 18.2.0(react@18.2.0)

                devDependencies:
                  typescript:
                    specifier: ^5.0.0
                    version: 5.1.6

                packages:

                  /loose-envify@1.4.0:
                    resolution: {integrity: sha512-d}
                    dev: false

                  /react-dom@18.2.0(react@18.2.0):
                    resolution: {integrity: sha512-b}
                    dependencies:
                      loose-envify: 1.4.0
                      react: 18.2.0
                    dev: false

                  /react@18.2.0:
                    resolution: {integrity: sha512-c}
                    dependencies:
                      loose-envify: 1.4.0
                    dev: false

                  /typescript@5.1.6:
                    resolution: {integrity: sha512-f}
                    dev: true
                """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react-dom|^18.2.0|18.2.0|1", "|typescript|^5.0.0|5.1.6|1");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "loose-envify|1.4.0|15|react-dom",
                "react-dom|18.2.0|19|",
                "react|18.2.0|26|react-dom",
                "typescript|5.1.6|32|");
        assertThat(byCoordinate(facts, "pnpm-lock.yaml").get("typescript").scope()).isEqualTo("dev");
    }

    @Test
    void pnpm_v5_keys_with_slashes_and_underscore_peer_suffix_are_read() {
        RepoFacts facts = collect("package.json", """
                { "dependencies": { "react-dom": "^18.2.0" }, "devDependencies": { "@types/node": "^18.0.0" } }
                """, "pnpm-lock.yaml", """
                lockfileVersion: 5.4

                specifiers:
                  '@types/node': ^18.0.0
                  react-dom: ^18.2.0

                dependencies:
                  react-dom: 18.2.0_react@18.2.0

                devDependencies:
                  '@types/node': 18.11.9

                packages:

                  /@types/node/18.11.9:
                    resolution: {integrity: sha512-a}
                    dev: true

                  /react-dom/18.2.0_react@18.2.0:
                    resolution: {integrity: sha512-b}
                    dependencies:
                      react: 18.2.0
                    dev: false

                  /react/18.2.0:
                    resolution: {integrity: sha512-c}
                    dev: false
                """);

        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly(
                "|react-dom|^18.2.0|18.2.0|1", "@types|node|^18.0.0|18.11.9|1");
        assertThat(in(facts, "pnpm-lock.yaml")).extracting(CollectorFixture::locked).containsExactly(
                "@types/node|18.11.9|15|", "react-dom|18.2.0|19|", "react|18.2.0|25|react-dom");
    }

    @Test
    void broken_package_json_is_a_problem_at_its_line_and_other_files_are_still_read() {
        RepoFacts facts = collect(
                "a/package.json", "{\n  \"dependencies\": {\n    \"x\": \"1.0.0\",\n    oops\n",
                "b/package.json", "{ \"dependencies\": { \"y\": \"^2.0.0\" } }");

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a/package.json");
            assertThat(p.line()).isEqualTo(4);
        });
        assertThat(in(facts, "b/package.json")).extracting(CollectorFixture::row).containsExactly("|y|^2.0.0||1");
    }

    @Test
    void package_json_inside_node_modules_is_never_read() {
        NpmCollector collector = new NpmCollector();
        assertThat(collector.wants("node_modules/x/package.json")).isFalse();
        assertThat(collector.wants("web/node_modules/@s/x/package.json")).isFalse();
        assertThat(collector.wants("web/package.json")).isTrue();
    }

    @Test
    void a_twenty_thousand_entry_package_lock_is_read_in_linear_time() {
        int n = 20_000;
        StringBuilder lock = new StringBuilder("{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n");
        lock.append("    \"\": { \"dependencies\": { \"pkg-0\": \"^1.0.0\" } }");
        for (int i = 0; i < n; i++) {
            String key = i % 10 == 9 ? "node_modules/pkg-" + (i - 1) + "/node_modules/pkg-" + i : "node_modules/pkg-" + i;
            lock.append(",\n    \"").append(key).append("\": {\n      \"version\": \"1.0.").append(i).append("\",\n");
            lock.append("      \"resolved\": \"https://registry.npmjs.org/pkg-").append(i).append("/-/pkg-").append(i).append(".tgz\",\n");
            lock.append("      \"dependencies\": { \"pkg-").append(i + 1).append("\": \"^1.0.0\", \"pkg-").append((i * 7) % n)
                    .append("\": \"^1.0.0\" }\n    }");
        }
        lock.append("\n  }\n}\n");
        new CollectorFixture(dir).file("package.json", "{ \"dependencies\": { \"pkg-0\": \"^1.0.0\" } }")
                .file("package-lock.json", lock.toString());

        long start = System.nanoTime();
        RepoFacts facts = new CollectorFixture(dir).collect(new NpmCollector());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("20000-entry package-lock.json (%d KiB) collected in %d ms%n", lock.length() / 1024, millis);

        assertThat(in(facts, "package-lock.json")).hasSize(n);
        assertThat(in(facts, "package.json")).extracting(CollectorFixture::row).containsExactly("|pkg-0|^1.0.0|1.0.0|1");
    }

    @Test
    void a_dependency_without_a_package_name_is_a_problem_at_its_line_and_the_others_are_read() {
        // Found by fuzzing: "" as a dependency name made a dependency without a name (key "npm|").
        String json = "{\n  \"dependencies\": {\n    \"\": \"^18.3.3\",\n    \"@acme/\": \"1.0.0\",\n    \"react\": \"^18.3.1\"\n  }\n}\n";
        RepoFacts facts = collect("package.json", json);
        assertThat(facts.dependencies()).extracting(d -> d.name()).containsExactly("react");
        assertThat(facts.problems()).extracting(p -> p.line()).containsExactly(3, 4);
        assertThat(facts.problems()).allSatisfy(p -> assertThat(p.message()).contains("has no package name"));
    }

    @Test
    void a_pnpm_package_without_a_name_is_a_problem_at_its_line() {
        RepoFacts facts = collect("package.json", "{\"dependencies\": {\"express\": \"^4.19.2\"}}\n", "pnpm-lock.yaml", """
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      express:
                        specifier: ^4.19.2
                        version: 4.19.2
                packages:
                  ? ''
                  : resolution: {integrity: sha512-x}
                  express@4.19.2:
                    resolution: {integrity: sha512-y}
                """);

        assertThat(in(facts, "pnpm-lock.yaml")).extracting(Dependency::name).containsOnly("express");
        assertThat(facts.problems()).extracting(dev.radar.model.FileProblem::file, dev.radar.model.FileProblem::line)
                .containsExactly(org.assertj.core.api.Assertions.tuple("pnpm-lock.yaml", 9));
    }
}
