object Versions {
    const val guava = "33.2.1-jre"
    const val jackson = "2.17.2"
}

object Deps {
    const val jackson = "com.fasterxml.jackson.core:jackson-databind:${Versions.jackson}"
}
