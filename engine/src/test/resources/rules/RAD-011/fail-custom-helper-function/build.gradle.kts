plugins {
    java
}

dependencies {
    implementation("org.postgresql:postgresql:42.7.4")
    implementation(companyLibrary("billing-core"))
}
