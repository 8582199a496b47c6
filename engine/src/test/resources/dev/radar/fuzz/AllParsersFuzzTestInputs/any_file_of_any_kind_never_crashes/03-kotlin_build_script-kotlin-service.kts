import org.jetbrains.kotlin.gradle.tasks.KotlinCompile

plugins {
    kotlin("jvm") version "1.9.24"
    id("org.springframework.boot") version "3.3.4"
    alias(libs.plugins.boot)
}

val ktorVersion: String by project
val exposed = "0.50.1"

dependencies {
    implementation("io.ktor:ktor-server-core:$ktorVersion")
    implementation("org.jetbrains.exposed:exposed-core:${exposed}")
    implementation(libs.spring.web)
    implementation(libs.bundles.web)
    implementation(platform("software.amazon.awssdk:bom:2.25.60"))
    testImplementation(kotlin("test"))
    "integrationTestImplementation"("org.testcontainers:postgresql:1.19.8")
}

tasks.withType<KotlinCompile> { kotlinOptions.jvmTarget = "17" }
