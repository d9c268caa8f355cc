package dev.provbench.provider;

/**
 * One native tool call of a reply ({@code tool_calls[i].function}), its streamed argument fragments joined.
 *
 * @param name      {@code function.name}.
 * @param arguments {@code function.arguments}: JSON text as the model wrote it.
 */
public record ToolCall(String name, String arguments) {}
