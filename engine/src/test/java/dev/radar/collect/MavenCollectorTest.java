package dev.radar.collect;

import static dev.radar.collect.RepoFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RepoFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenCollectorTest {

    @TempDir
    Path dir;

    private static final String PARENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>3.3.4</version>
              </parent>
              <groupId>com.acme</groupId>
              <artifactId>shop-parent</artifactId>
              <version>1.4.0-SNAPSHOT</version>
              <packaging>pom</packaging>
              <properties>
                <guava.version>33.2.1-jre</guava.version>
                <jackson.version>2.17.2</jackson.version>
                <lib.version>${jackson.version}</lib.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>com.google.guava</groupId>
                    <artifactId>guava</artifactId>
                    <version>${guava.version}</version>
                  </dependency>
                  <dependency>
                    <groupId>com.acme</groupId>
                    <artifactId>shop-bom</artifactId>
                    <version>${project.version}</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                  <dependency>
                    <groupId>org.junit</groupId>
                    <artifactId>junit-bom</artifactId>
                    <version>5.11.0</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <modules>
                <module>bom</module>
                <module>app</module>
              </modules>
            </project>
            """;

    private static final String BOM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId>
              <artifactId>shop-bom</artifactId>
              <version>1.4.0-SNAPSHOT</version>
              <packaging>pom</packaging>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.mongodb</groupId>
                    <artifactId>mongodb-driver-sync</artifactId>
                    <version>4.11.1</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
            </project>
            """;

    private static final String APP = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.acme</groupId>
                <artifactId>shop-parent</artifactId>
                <version>1.4.0-SNAPSHOT</version>
              </parent>
              <artifactId>shop-app</artifactId>
              <properties>
                <jackson.version>2.18.0</jackson.version>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.mongodb</groupId>
                  <artifactId>mongodb-driver-sync</artifactId>
                </dependency>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                  <version>${lib.version}</version>
                </dependency>
                <dependency>
                  <groupId>${project.groupId}</groupId>
                  <artifactId>shop-model</artifactId>
                  <version>${project.version}</version>
                  <scope>test</scope>
                </dependency>
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-web</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>from-settings</artifactId>
                  <version>${version.from.settings}</version>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>ranged</artifactId>
                  <version>[1.0,2.0)</version>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-checkstyle-plugin</artifactId>
                    <dependencies>
                      <dependency>
                        <groupId>com.puppycrawl.tools</groupId>
                        <artifactId>checkstyle</artifactId>
                        <version>10.18.1</version>
                      </dependency>
                    </dependencies>
                  </plugin>
                </plugins>
              </build>
              <profiles>
                <profile>
                  <id>legacy</id>
                  <properties>
                    <log4j.version>1.2.17</log4j.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>log4j</groupId>
                      <artifactId>log4j</artifactId>
                      <version>${log4j.version}</version>
                    </dependency>
                  </dependencies>
                </profile>
              </profiles>
            </project>
            """;

    private RepoFacts shop() {
        return new RepoFixture(dir).file("pom.xml", PARENT).file("bom/pom.xml", BOM).file("app/pom.xml", APP).collect();
    }

    @Test
    void parent_is_a_dependency_at_the_line_of_its_tag() {
        Dependency parent = at(shop(), "pom.xml", 4);
        assertThat(parent.ecosystem()).isEqualTo(Ecosystem.MAVEN);
        assertThat(parent.coordinate()).isEqualTo("org.springframework.boot:spring-boot-starter-parent");
        assertThat(parent.declaredVersion()).isEqualTo("3.3.4");
        assertThat(parent.version()).isEqualTo("3.3.4");
        assertThat(parent.scope()).isEqualTo("parent");
    }

    @Test
    void managed_dependencies_and_bom_imports_are_listed_with_interpolated_versions() {
        RepoFacts facts = shop();
        Dependency guava = at(facts, "pom.xml", 20);
        assertThat(guava.declaredVersion()).isEqualTo("${guava.version}");
        assertThat(guava.version()).isEqualTo("33.2.1-jre");
        assertThat(guava.scope()).isEqualTo("managed");
        Dependency bom = at(facts, "pom.xml", 25);
        assertThat(bom.coordinate()).isEqualTo("com.acme:shop-bom");
        assertThat(bom.version()).isEqualTo("1.4.0-SNAPSHOT");
        assertThat(bom.scope()).isEqualTo("import");
        assertThat(at(facts, "pom.xml", 32).version()).isEqualTo("5.11.0");
    }

    @Test
    void version_less_dependency_takes_the_version_managed_by_the_in_repo_parent() {
        Dependency guava = at(shop(), "app/pom.xml", 13);
        assertThat(guava.coordinate()).isEqualTo("com.google.guava:guava");
        assertThat(guava.declaredVersion()).isEmpty();
        assertThat(guava.version()).isEqualTo("33.2.1-jre");
    }

    @Test
    void version_less_dependency_takes_the_version_of_an_in_repo_bom_imported_by_the_parent() {
        Dependency mongo = at(shop(), "app/pom.xml", 17);
        assertThat(mongo.coordinate()).isEqualTo("org.mongodb:mongodb-driver-sync");
        assertThat(mongo.version()).isEqualTo("4.11.1");
    }

    @Test
    void inherited_property_is_interpolated_in_the_child_context() {
        // lib.version = ${jackson.version} is defined in the parent; the child overrides jackson.version.
        Dependency jackson = at(shop(), "app/pom.xml", 21);
        assertThat(jackson.declaredVersion()).isEqualTo("${lib.version}");
        assertThat(jackson.version()).isEqualTo("2.18.0");
    }

    @Test
    void an_inherited_managed_version_is_interpolated_in_the_child_context() {
        // Regression: the parent manages netty at ${netty.version}; a module that sets netty.version itself got the
        // parent's value, while Maven's effective POM of that module uses the module's own.
        RepoFacts facts = new RepoFixture(dir).file("pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>parent</artifactId>
                  <version>2.0.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <netty.version>4.1.100.Final</netty.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>io.netty</groupId>
                        <artifactId>netty-handler</artifactId>
                        <version>${netty.version}</version>
                      </dependency>
                      <dependency>
                        <groupId>com.acme</groupId>
                        <artifactId>core</artifactId>
                        <version>${project.version}</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                </project>
                """).file("legacy/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.acme</groupId>
                    <artifactId>parent</artifactId>
                    <version>2.0.0</version>
                  </parent>
                  <artifactId>legacy</artifactId>
                  <version>1.9.0</version>
                  <properties>
                    <netty.version>4.1.50.Final</netty.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>io.netty</groupId>
                      <artifactId>netty-handler</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>com.acme</groupId>
                      <artifactId>core</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """).file("app/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.acme</groupId>
                    <artifactId>parent</artifactId>
                    <version>2.0.0</version>
                  </parent>
                  <artifactId>app</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>io.netty</groupId>
                      <artifactId>netty-handler</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """).collect();
        assertThat(at(facts, "legacy/pom.xml", 14).version()).isEqualTo("4.1.50.Final");
        assertThat(at(facts, "legacy/pom.xml", 18).version()).isEqualTo("1.9.0");
        assertThat(at(facts, "app/pom.xml", 10).version()).isEqualTo("4.1.100.Final");
    }

    @Test
    void project_coordinates_are_inherited_from_the_parent_for_interpolation() {
        Dependency model = at(shop(), "app/pom.xml", 26);
        assertThat(model.group()).isEqualTo("com.acme");
        assertThat(model.version()).isEqualTo("1.4.0-SNAPSHOT");
        assertThat(model.scope()).isEqualTo("test");
    }

    @Test
    void version_managed_by_an_external_parent_stays_empty() {
        Dependency web = at(shop(), "app/pom.xml", 32);
        assertThat(web.coordinate()).isEqualTo("org.springframework.boot:spring-boot-starter-web");
        assertThat(web.declaredVersion()).isEmpty();
        assertThat(web.version()).isEmpty();
    }

    @Test
    void unresolvable_property_stays_as_declared_with_an_empty_resolved_version() {
        Dependency d = at(shop(), "app/pom.xml", 36);
        assertThat(d.declaredVersion()).isEqualTo("${version.from.settings}");
        assertThat(d.version()).isEmpty();
    }

    @Test
    void a_version_range_is_not_a_resolved_version() {
        Dependency d = at(shop(), "app/pom.xml", 41);
        assertThat(d.declaredVersion()).isEqualTo("[1.0,2.0)");
        assertThat(d.version()).isEmpty();
    }

    @Test
    void a_resource_filtering_token_is_not_a_resolved_version() {
        // Regression: the POM of a maven-invoker integration test, <version>@project.version@</version>, had the token
        // itself as its resolved version.
        RepoFacts facts = new RepoFixture(dir).file("src/it/simple/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it</groupId><artifactId>simple</artifactId><version>1</version>
                  <dependencies>
                    <dependency>
                      <groupId>@project.groupId@</groupId><artifactId>@project.artifactId@</artifactId>
                      <version>@project.version@</version>
                    </dependency>
                  </dependencies>
                </project>
                """).collect();
        Dependency d = at(facts, "src/it/simple/pom.xml", 5);
        assertThat(d.declaredVersion()).isEqualTo("@project.version@");
        assertThat(d.version()).isEmpty();
    }

    @Test
    void plugin_level_dependencies_are_listed() {
        Dependency checkstyle = at(shop(), "app/pom.xml", 53);
        assertThat(checkstyle.coordinate()).isEqualTo("com.puppycrawl.tools:checkstyle");
        assertThat(checkstyle.version()).isEqualTo("10.18.1");
        assertThat(checkstyle.scope()).isEqualTo("plugin");
    }

    @Test
    void profile_dependencies_use_profile_properties() {
        Dependency log4j = at(shop(), "app/pom.xml", 69);
        assertThat(log4j.coordinate()).isEqualTo("log4j:log4j");
        assertThat(log4j.version()).isEqualTo("1.2.17");
    }

    @Test
    void a_version_less_profile_dependency_takes_the_profiles_managed_version_and_properties() {
        // Regression: a profile's own dependencyManagement was not consulted for its version-less dependencies (empty
        // version), and a version managed by the POM was interpolated without the profile's property override.
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>engine</artifactId><version>1</version>
                          <properties><jackson.version>2.17.2</jackson.version><hadoop.version>3.4.0</hadoop.version></properties>
                          <dependencyManagement><dependencies>
                            <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-core</artifactId><version>${jackson.version}</version></dependency>
                          </dependencies></dependencyManagement>
                          <dependencies>
                            <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-core</artifactId></dependency>
                          </dependencies>
                          <profiles>
                            <profile>
                              <id>hadoop2</id>
                              <properties><jackson.version>2.9.10</jackson.version><hadoop.version>2.10.2</hadoop.version></properties>
                              <dependencyManagement><dependencies>
                                <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-client</artifactId><version>${hadoop.version}</version></dependency>
                              </dependencies></dependencyManagement>
                              <dependencies>
                                <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-core</artifactId></dependency>
                                <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-client</artifactId></dependency>
                              </dependencies>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "pom.xml", 9).version()).isEqualTo("2.17.2");
        assertThat(at(facts, "pom.xml", 19).version()).isEqualTo("2.9.10");
        assertThat(at(facts, "pom.xml", 20).version()).isEqualTo("2.10.2");
    }

    @Test
    void properties_of_a_profile_active_by_default_apply_to_the_pom_and_its_modules() {
        // Regression: a version property set only by an <activeByDefault> profile of a parent (spark-3.1 overriding the
        // main section's datanucleus versions) stayed as the main section had it, or unresolved, in its modules.
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>engine-parent</artifactId><version>1</version>
                          <packaging>pom</packaging>
                          <properties><store.version>3.2.10</store.version></properties>
                          <profiles>
                            <profile>
                              <id>engine-3</id>
                              <activation><activeByDefault>true</activeByDefault></activation>
                              <properties><store.version>4.1.17</store.version><codec.version>1.16</codec.version></properties>
                            </profile>
                            <profile>
                              <id>engine-2</id>
                              <properties><codec.version>1.9</codec.version></properties>
                              <dependencies>
                                <dependency><groupId>com.acme</groupId><artifactId>store</artifactId><version>${store.version}</version></dependency>
                              </dependencies>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .file("core/pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <parent><groupId>com.acme</groupId><artifactId>engine-parent</artifactId><version>1</version></parent>
                          <artifactId>core</artifactId>
                          <dependencies>
                            <dependency><groupId>com.acme</groupId><artifactId>store</artifactId><version>${store.version}</version></dependency>
                            <dependency><groupId>commons-codec</groupId><artifactId>commons-codec</artifactId><version>${codec.version}</version></dependency>
                          </dependencies>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "core/pom.xml", 6).version()).isEqualTo("4.1.17");
        assertThat(at(facts, "core/pom.xml", 7).version()).isEqualTo("1.16");
        // activating another profile turns the default one off: its dependencies see the main section's value
        assertThat(at(facts, "pom.xml", 16).version()).isEqualTo("3.2.10");
    }

    @Test
    void a_profile_active_by_default_is_off_when_another_profile_activates_on_its_own() {
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>engine</artifactId><version>1</version>
                          <properties><store.version>3.2.10</store.version></properties>
                          <dependencies>
                            <dependency><groupId>com.acme</groupId><artifactId>store</artifactId><version>${store.version}</version></dependency>
                          </dependencies>
                          <profiles>
                            <profile>
                              <id>engine-3</id>
                              <activation><activeByDefault>true</activeByDefault></activation>
                              <properties><store.version>4.1.17</store.version></properties>
                            </profile>
                            <profile>
                              <id>modern-jdk</id>
                              <activation><jdk>[11,)</jdk></activation>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "pom.xml", 6).version()).isEqualTo("3.2.10");
    }

    @Test
    void a_profile_activated_by_an_absent_property_applies_and_turns_the_default_one_off() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".mvn/maven.config", "-Dlegacy\n")
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>engine</artifactId><version>1</version>
                          <properties><store.version>3.2.10</store.version><codec.version>1.9</codec.version></properties>
                          <dependencies>
                            <dependency><groupId>com.acme</groupId><artifactId>store</artifactId><version>${store.version}</version></dependency>
                            <dependency><groupId>commons-codec</groupId><artifactId>commons-codec</artifactId><version>${codec.version}</version></dependency>
                          </dependencies>
                          <profiles>
                            <profile>
                              <id>fallback</id>
                              <activation><activeByDefault>true</activeByDefault></activation>
                              <properties><store.version>4.0.0</store.version></properties>
                            </profile>
                            <profile>
                              <id>current</id>
                              <activation><property><name>!skipCurrent</name></property></activation>
                              <properties><store.version>4.1.17</store.version></properties>
                            </profile>
                            <profile>
                              <id>legacy</id>
                              <activation><property><name>!legacy</name></property></activation>
                              <properties><codec.version>1.5</codec.version></properties>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "pom.xml", 6).version()).isEqualTo("4.1.17");
        // -Dlegacy in .mvn/maven.config keeps the !legacy profile off
        assertThat(at(facts, "pom.xml", 7).version()).isEqualTo("1.9");
    }

    @Test
    void the_managed_versions_of_a_parents_active_profile_apply_to_its_modules() {
        // Regression: a parent whose default Hadoop line is a profile activated by an absent property (!hadoop.profile)
        // and manages the hadoop artifacts in that profile left its modules' version-less hadoop dependencies empty.
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>store-parent</artifactId><version>1</version>
                          <packaging>pom</packaging>
                          <dependencyManagement><dependencies>
                            <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-common</artifactId><version>2.10.2</version></dependency>
                          </dependencies></dependencyManagement>
                          <profiles>
                            <profile>
                              <id>hadoop-3</id>
                              <activation><property><name>!hadoop.profile</name></property></activation>
                              <properties><hadoop.version>3.4.0</hadoop.version></properties>
                              <dependencyManagement><dependencies>
                                <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-common</artifactId><version>${hadoop.version}</version></dependency>
                                <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-hdfs</artifactId><version>${hadoop.version}</version></dependency>
                              </dependencies></dependencyManagement>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .file("server/pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <parent><groupId>com.acme</groupId><artifactId>store-parent</artifactId><version>1</version></parent>
                          <artifactId>server</artifactId>
                          <dependencies>
                            <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-common</artifactId></dependency>
                            <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-hdfs</artifactId></dependency>
                          </dependencies>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "server/pom.xml", 6).version()).isEqualTo("3.4.0");
        assertThat(at(facts, "server/pom.xml", 7).version()).isEqualTo("3.4.0");
    }

    @Test
    void profiles_that_maven_config_selects_with_dash_p_are_on_or_off_and_turn_the_default_one_off() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".mvn/maven.config", "-Pengine-2\n--activate-profiles !current\n")
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>engine</artifactId><version>1</version>
                          <properties><store.version>3.2.10</store.version><codec.version>1.9</codec.version></properties>
                          <dependencies>
                            <dependency><groupId>com.acme</groupId><artifactId>store</artifactId><version>${store.version}</version></dependency>
                            <dependency><groupId>commons-codec</groupId><artifactId>commons-codec</artifactId><version>${codec.version}</version></dependency>
                          </dependencies>
                          <profiles>
                            <profile>
                              <id>engine-3</id>
                              <activation><activeByDefault>true</activeByDefault></activation>
                              <properties><store.version>4.1.17</store.version></properties>
                            </profile>
                            <profile>
                              <id>engine-2</id>
                              <properties><store.version>2.0.0</store.version></properties>
                            </profile>
                            <profile>
                              <id>current</id>
                              <activation><property><name>!skipCurrent</name></property></activation>
                              <properties><codec.version>1.16</codec.version></properties>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "pom.xml", 6).version()).isEqualTo("2.0.0");
        assertThat(at(facts, "pom.xml", 7).version()).isEqualTo("1.9");
    }

    @Test
    void unprefixed_project_values_are_the_modules_own_not_its_parents() {
        // Regression: ${version} and ${artifactId} (Maven's deprecated forms of ${project.version}) in a module took the
        // parent's values, inherited with its properties.
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>engine-parent</artifactId><version>1.0</version>
                          <packaging>pom</packaging>
                        </project>
                        """)
                .file("client/pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <parent><groupId>com.acme</groupId><artifactId>engine-parent</artifactId><version>1.0</version></parent>
                          <artifactId>client</artifactId><version>2.0</version>
                          <dependencies>
                            <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}-api</artifactId><version>${version}</version></dependency>
                          </dependencies>
                        </project>
                        """)
                .collect();
        Dependency api = at(facts, "client/pom.xml", 6);
        assertThat(api.coordinate()).isEqualTo("com.acme:client-api");
        assertThat(api.version()).isEqualTo("2.0");
    }

    @Test
    void a_maven_4_parent_named_by_relative_path_alone_is_inherited_from() {
        // Regression: a model 4.1.0 <parent/> (or <parent><relativePath>..</relativePath></parent>) that leaves out the
        // parent's coordinates, as Maven 4 infers them, was not linked: no parent row, properties, managed or project
        // versions.
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", """
                        <project xmlns="http://maven.apache.org/POM/4.1.0" root="true">
                          <modelVersion>4.1.0</modelVersion>
                          <groupId>com.acme</groupId><artifactId>shop</artifactId><version>2.3.0</version>
                          <packaging>pom</packaging>
                          <properties><guava.version>33.2.1-jre</guava.version></properties>
                          <dependencyManagement><dependencies>
                            <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.13</version></dependency>
                          </dependencies></dependencyManagement>
                          <subprojects><subproject>api</subproject><subproject>web</subproject></subprojects>
                        </project>
                        """)
                .file("api/pom.xml", """
                        <project xmlns="http://maven.apache.org/POM/4.1.0">
                          <modelVersion>4.1.0</modelVersion>
                          <parent/>
                          <artifactId>shop-api</artifactId>
                          <dependencies>
                            <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>${guava.version}</version></dependency>
                            <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
                            <dependency><groupId>${project.groupId}</groupId><artifactId>shop-model</artifactId><version>${project.version}</version></dependency>
                          </dependencies>
                        </project>
                        """)
                .file("web/pom.xml", """
                        <project xmlns="http://maven.apache.org/POM/4.1.0">
                          <modelVersion>4.1.0</modelVersion>
                          <parent><relativePath>../pom.xml</relativePath></parent>
                          <artifactId>shop-web</artifactId>
                        </project>
                        """)
                .collect();
        Dependency parent = at(facts, "api/pom.xml", 3);
        assertThat(parent.coordinate()).isEqualTo("com.acme:shop");
        assertThat(parent.declaredVersion()).isEmpty();
        assertThat(parent.version()).isEqualTo("2.3.0");
        assertThat(at(facts, "api/pom.xml", 6).version()).isEqualTo("33.2.1-jre");
        assertThat(at(facts, "api/pom.xml", 7).version()).isEqualTo("2.0.13");
        Dependency model = at(facts, "api/pom.xml", 8);
        assertThat(model.coordinate()).isEqualTo("com.acme:shop-model");
        assertThat(model.version()).isEqualTo("2.3.0");
        assertThat(at(facts, "web/pom.xml", 3).coordinate()).isEqualTo("com.acme:shop");
    }

    @Test
    void every_dependency_element_is_counted_once() {
        RepoFacts facts = shop();
        assertThat(facts.dependencies()).hasSize(4 + 1 + 10);
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void parent_is_found_by_coordinates_when_relative_path_does_not_point_at_it() {
        RepoFacts facts = new RepoFixture(dir)
                .file("build/parent/pom.xml", PARENT.replace("<module>bom</module>", ""))
                .file("services/app/pom.xml", APP)
                .collect();
        assertThat(at(facts, "services/app/pom.xml", 13).version()).isEqualTo("33.2.1-jre");
    }

    @Test
    void a_parent_that_relative_path_names_as_another_xml_file_is_inherited_from_but_not_listed() {
        // Regression: a sample whose parent is <relativePath>../../samples-parent-pom.xml</relativePath> lost the
        // parent's properties and managed versions (only pom.xml files were read), so its versions stayed empty.
        RepoFacts facts = new RepoFixture(dir)
                .file("samples-parent-pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme.samples</groupId><artifactId>samples-parent</artifactId><version>1.0.0</version>
                          <packaging>pom</packaging>
                          <properties><azure.version>4.5.0</azure.version></properties>
                          <dependencyManagement><dependencies>
                            <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.2.1-jre</version></dependency>
                          </dependencies></dependencyManagement>
                        </project>
                        """)
                .file("storage/blob/pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <parent>
                            <groupId>com.acme.samples</groupId><artifactId>samples-parent</artifactId><version>1.0.0</version>
                            <relativePath>../../samples-parent-pom.xml</relativePath>
                          </parent>
                          <artifactId>blob</artifactId>
                          <dependencies>
                            <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId></dependency>
                            <dependency><groupId>com.azure.spring</groupId><artifactId>azure-storage</artifactId><version>${azure.version}</version></dependency>
                          </dependencies>
                        </project>
                        """)
                .collect();
        assertThat(facts.problems()).isEmpty();
        assertThat(at(facts, "storage/blob/pom.xml", 9).version()).isEqualTo("33.2.1-jre");
        assertThat(at(facts, "storage/blob/pom.xml", 10).version()).isEqualTo("4.5.0");
        assertThat(facts.dependencies()).extracting(Dependency::file).containsOnly("storage/blob/pom.xml");
    }

    @Test
    void a_pom_in_the_encoding_its_prolog_declares_is_read() throws Exception {
        // Regression: a POM declared and written as ISO-8859-1 (an accented developer name) was "not UTF-8 text" and lost.
        String pom = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId><artifactId>legacy</artifactId><version>1</version>
                  <developers><developer><name>Jos\u00e9 Mar\u00eda</name></developer></developers>
                  <dependencies>
                    <dependency><groupId>commons-io</groupId><artifactId>commons-io</artifactId><version>2.16.1</version></dependency>
                  </dependencies>
                </project>
                """;
        Files.write(dir.resolve("pom.xml"), pom.getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(dir.resolve("utf16"));
        Files.write(dir.resolve("utf16/pom.xml"), pom.replace("ISO-8859-1", "UTF-16").getBytes(StandardCharsets.UTF_16));
        RepoFacts facts = new RepoFixture(dir).collect();
        assertThat(facts.problems()).isEmpty();
        assertThat(at(facts, "pom.xml", 7).coordinate()).isEqualTo("commons-io:commons-io");
        assertThat(at(facts, "utf16/pom.xml", 7).version()).isEqualTo("2.16.1");
    }

    @Test
    void a_pom_with_bytes_that_are_not_utf8_and_no_other_encoding_declared_is_read_as_maven_reads_it() throws Exception {
        // Regression: a POM declaring UTF-8 (or nothing) with a GBK or Latin-1 comment was "not UTF-8 text" and lost,
        // though Maven builds it (the malformed bytes become U+FFFD).
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <!-- \u4f9d\u8d56\u7248\u672c -->
                  <groupId>com.acme</groupId><artifactId>gbk</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>commons-io</groupId><artifactId>commons-io</artifactId><version>2.16.1</version></dependency>
                  </dependencies>
                </project>
                """;
        Files.write(dir.resolve("pom.xml"), pom.getBytes("GBK"));
        Files.createDirectories(dir.resolve("latin1"));
        String undeclared = pom.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "").replace("\u4f9d\u8d56\u7248\u672c", "Fran\u00e7ois");
        Files.write(dir.resolve("latin1/pom.xml"), undeclared.getBytes(StandardCharsets.ISO_8859_1));
        RepoFacts facts = new RepoFixture(dir).collect();
        assertThat(facts.problems()).isEmpty();
        assertThat(at(facts, "pom.xml", 7).version()).isEqualTo("2.16.1");
        assertThat(at(facts, "latin1/pom.xml", 6).coordinate()).isEqualTo("commons-io:commons-io");
    }

    @Test
    void a_malformed_pom_is_a_problem_at_its_line_and_the_other_poms_are_still_read() {
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", PARENT)
                .file("broken/pom.xml", "<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n")
                .collect();
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken/pom.xml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("POM is not well-formed XML");
        });
        assertThat(facts.dependencies()).extracting(Dependency::file).containsOnly("pom.xml");
    }

    @Test
    void a_ci_friendly_revision_set_in_mvn_maven_config_resolves_and_wins_over_the_pom_property() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".mvn/maven.config", "--batch-mode\n-Drevision=2.1.0 -Dchangelist=\n-D tools.version=7\n")
                .file("pom.xml", """
                        <project>
                          <groupId>org.acme</groupId><artifactId>parent</artifactId><version>${revision}${changelist}</version>
                          <properties><revision>0.0.0</revision><changelist>-SNAPSHOT</changelist></properties>
                          <dependencyManagement>
                            <dependencies>
                              <dependency><groupId>org.acme</groupId><artifactId>core</artifactId><version>${project.version}</version></dependency>
                            </dependencies>
                          </dependencyManagement>
                          <profiles>
                            <profile>
                              <id>legacy</id>
                              <properties><tools.version>6</tools.version></properties>
                              <dependencies>
                                <dependency><groupId>org.acme</groupId><artifactId>tools</artifactId><version>${tools.version}</version></dependency>
                              </dependencies>
                            </profile>
                          </profiles>
                        </project>
                        """)
                .file("app/pom.xml", """
                        <project>
                          <parent><groupId>org.acme</groupId><artifactId>parent</artifactId><version>${revision}${changelist}</version></parent>
                          <artifactId>app</artifactId>
                          <dependencies>
                            <dependency><groupId>org.acme</groupId><artifactId>core</artifactId></dependency>
                            <dependency><groupId>org.acme</groupId><artifactId>tools</artifactId><version>${tools.version}</version></dependency>
                          </dependencies>
                        </project>
                        """)
                .collect();
        assertThat(at(facts, "pom.xml", 6).version()).isEqualTo("2.1.0");
        assertThat(at(facts, "app/pom.xml", 2).version()).isEqualTo("2.1.0");
        assertThat(at(facts, "app/pom.xml", 5).version()).isEqualTo("2.1.0");
        assertThat(at(facts, "app/pom.xml", 6).version()).isEqualTo("7");
        assertThat(at(facts, "pom.xml", 14).version()).isEqualTo("7");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void maven_config_user_properties_are_read_in_their_command_line_forms() {
        assertThat(MavenCollector.userProperties(
                "-Da=1 -D b=2\n  # unless -Dz=9 is passed\n--define c=3 --define=d=4 -De -Df= \"-Dg=7\" -T 4 -Prelease"))
                .containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"), java.util.Map.entry("c", "3"),
                        java.util.Map.entry("d", "4"), java.util.Map.entry("e", "true"), java.util.Map.entry("f", ""),
                        java.util.Map.entry("g", "7"));
    }

    @Test
    void a_property_cycle_does_not_hang_and_stays_unresolved() {
        RepoFacts facts = new RepoFixture(dir).file("pom.xml", """
                <project>
                  <groupId>g</groupId><artifactId>a</artifactId><version>1</version>
                  <properties><a>${b}</a><b>${a}</b></properties>
                  <dependencies>
                    <dependency><groupId>x</groupId><artifactId>y</artifactId><version>${a}</version></dependency>
                  </dependencies>
                </project>
                """).collect();
        assertThat(at(facts, "pom.xml", 5).version()).isEmpty();
    }

    @Test
    void an_external_entity_is_not_resolved() {
        RepoFacts facts = new RepoFixture(dir).file("pom.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project>
                  <groupId>g</groupId><artifactId>a</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>x</groupId><artifactId>&xxe;</artifactId><version>1</version></dependency>
                  </dependencies>
                </project>
                """).collect();
        assertThat(facts.dependencies()).noneSatisfy(d -> assertThat(d.name()).contains("root:"));
    }

    @Test
    void properties_that_double_at_each_level_stay_unresolved_instead_of_exhausting_memory() {
        // Found by fuzzing: <p40>${p39}${p39}</p40> expanded to 2^40 characters (OutOfMemoryError escaped the scan).
        StringBuilder props = new StringBuilder("<p0>xxxxxxxxxxxxxxxx</p0>");
        for (int i = 1; i <= 40; i++) {
            props.append("<p").append(i).append(">${p").append(i - 1).append("}${p").append(i - 1).append("}</p").append(i).append('>');
        }
        RepoFacts facts = new RepoFixture(dir).file("pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId><artifactId>bomb</artifactId><version>1</version>
                  <properties>%s</properties>
                  <dependencies>
                    <dependency><groupId>com.acme</groupId><artifactId>lib</artifactId><version>${p40}</version></dependency>
                    <dependency><groupId>com.acme</groupId><artifactId>small</artifactId><version>${p2}</version></dependency>
                  </dependencies>
                </project>
                """.formatted(props)).collect();
        assertThat(at(facts, "pom.xml", 6).version()).isEmpty();
        assertThat(at(facts, "pom.xml", 7).version()).isEqualTo("x".repeat(64));
    }
}
