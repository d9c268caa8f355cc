package dev.provbench.input;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one mustache configuration for the prompts a user writes: a chat task's messages, the factuality judge's
 * template and an LLM judge's prompt. Here rather than in {@code task} because {@code score} (the LLM judge) uses it
 * too and may not depend on {@code task}.
 * <ul>
 *   <li>{@code escapeHTML(false)}: a prompt is plain text for a model; {@code &lt;} for {@code <} would change what
 *   it reads.</li>
 *   <li>{@code nullValue("")}: a field that is present but null renders empty; a field that is missing fails with a
 *   {@code MustacheException}, which each task's check turns into a bad-input error before any request.</li>
 * </ul>
 * One per JVM; thread-safe: the compiler is immutable, a compiled {@link Template} is thread-safe for immutable
 * contexts, and the cache is concurrent. Templates are not serializable: ship the text and compile it here.
 */
public final class PromptTemplates {
  private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).nullValue("");
  private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

  private PromptTemplates() {}

  /**
   * The template of this text, compiled once per JVM.
   *
   * @throws com.samskivert.mustache.MustacheException on bad mustache syntax.
   */
  public static Template compiled(String text) {
    return COMPILED.computeIfAbsent(text, COMPILER::compile);
  }
}
