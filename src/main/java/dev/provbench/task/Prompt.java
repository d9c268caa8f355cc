package dev.provbench.task;

/**
 * The two messages of one judge request.
 *
 * @param system the tool description: how to answer with {@code select_choice}.
 * @param user   the rendered template.
 */
public record Prompt(String system, String user) {}
