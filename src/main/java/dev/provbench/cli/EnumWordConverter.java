package dev.provbench.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option's word as one of an enum's values: the value whose {@code toString()} it is, in any case
 * ({@code json}, {@code JSON}). picocli lists the same words for {@code ${COMPLETION-CANDIDATES}}, so the help and the
 * error show what a user types ({@code long-context}), not the constants' names. Stateless; one per type, registered
 * in {@link Main}.
 *
 * @param type the enum.
 * @param noun what a value is, for the error: {@code unknown format `xml`}.
 */
record EnumWordConverter<E extends Enum<E>>(Class<E> type, String noun) implements ITypeConverter<E> {
  @Override
  public E convert(String word) {
    for (E value : type.getEnumConstants()) if (value.toString().equalsIgnoreCase(word)) return value;
    // picocli puts "Invalid value for option '--format': " before this and exits 2.
    throw new TypeConversionException("unknown " + noun + " `" + word + "`; use one of "
        + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
  }
}
