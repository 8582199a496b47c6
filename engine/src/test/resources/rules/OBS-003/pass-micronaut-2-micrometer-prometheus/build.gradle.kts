plugins {
    id("io.micronaut.application") version "1.4.2"
}

dependencies {
    implementation(platform("io.micronaut:micronaut-bom:2.5.13"))
    implementation("io.micronaut.configuration:micronaut-micrometer-core")
    implementation("io.micronaut.configuration:micronaut-micrometer-registry-prometheus")
    implementation("io.micronaut:micronaut-http-server-netty")
}
