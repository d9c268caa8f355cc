package dev.provbench.analysis.output;

/**
 * A plain sentence read off the tables, with the numbers behind it.
 *
 * @param text  the finding, e.g. "Provider 1 is fastest at 8b and 70b but slowest at 405b."
 * @param basis the figures it rests on, e.g. "p50 duration, s: 8b 0.91 vs 1.10 (next) ...".
 */
public record Insight(String text, String basis) {}
