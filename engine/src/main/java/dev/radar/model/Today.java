package dev.radar.model;

import java.time.LocalDate;

/** The clock as a fact, so date rules are reproducible ({@code --today}). */
public record Today(LocalDate date) {}
