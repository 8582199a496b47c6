plugins {
    id("io.micronaut.application") version "4.3.3"
}

dependencies {
    implementation("io.micronaut:micronaut-http-server-netty")
    implementation("io.micronaut:micronaut-management")
    testImplementation("io.micronaut.test:micronaut-test-junit5")
}
