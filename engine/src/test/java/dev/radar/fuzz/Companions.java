package dev.radar.fuzz;

/** Fixed files that sit next to a fuzzed one, so that cross-file resolution (parents, catalogs, lockfiles) runs too. */
final class Companions {

    private Companions() {}

    static final String PARENT_POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId>
              <artifactId>parent</artifactId>
              <version>1.0.0</version>
              <packaging>pom</packaging>
              <properties>
                <jackson.version>2.17.2</jackson.version>
                <lib.version>${jackson.version}</lib.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>com.google.guava</groupId>
                    <artifactId>guava</artifactId>
                    <version>33.2.1-jre</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
            </project>
            """;

    static final String CATALOG = """
            [versions]
            spring = "3.3.4"
            [libraries]
            guava = "com.google.guava:guava:33.2.1-jre"
            spring-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "spring" }
            [bundles]
            web = ["spring-web", "guava"]
            [plugins]
            boot = { id = "org.springframework.boot", version.ref = "spring" }
            """;

    static final String CATALOG_USER = """
            plugins {
                alias(libs.plugins.boot)
            }
            dependencies {
                implementation(libs.guava)
                implementation(libs.bundles.web)
                testImplementation(libs.junit.jupiter)
            }
            """;

    static final String CONSTANTS_USER = """
            dependencies {
                implementation("com.google.guava:guava:${Versions.guava}")
                implementation(Deps.jackson)
            }
            """;

    static final String PACKAGE_JSON = """
            {
              "name": "shop",
              "version": "1.0.0",
              "dependencies": { "express": "^4.19.2", "@types/node": "20.11.0" },
              "devDependencies": { "jest": "~29.7.0" }
            }
            """;

    static final String PYPROJECT = """
            [tool.poetry]
            name = "shop"
            version = "0.1.0"
            [tool.poetry.dependencies]
            python = "^3.11"
            requests = "^2.31"
            [tool.poetry.group.dev.dependencies]
            pytest = "^8.0"
            """;

    static final String PIPFILE = """
            [packages]
            requests = "==2.31.0"
            flask = "*"
            [dev-packages]
            pytest = ">=8"
            """;

    static final String CARGO_TOML = """
            [package]
            name = "shop"
            version = "0.1.0"
            edition = "2021"
            [dependencies]
            serde = { version = "1.0", features = ["derive"] }
            tokio = "1"
            """;
}
