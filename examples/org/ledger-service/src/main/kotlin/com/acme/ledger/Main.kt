package com.acme.ledger

fun main() = println("ledger")
