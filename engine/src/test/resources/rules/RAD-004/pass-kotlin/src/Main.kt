fun main() = println("hi")
