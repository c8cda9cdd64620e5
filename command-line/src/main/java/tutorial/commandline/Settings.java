package tutorial.commandline;

import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A group of command-line settings: picocli options declared in code, each setting a field of the
 * object that holds the group, and added to a command line as a picocli mixin. Declared with
 * picocli's annotations instead, every start paid for reading them: the JDK makes a proxy class
 * for each annotation type (the cost is in BENCHMARKS.md).
 */
public interface Settings {

  /** This group's options, as a picocli mixin whose options set this object's fields. */
  CommandSpec options();

  /**
   * A builder for {@link #options()}: the options in the order they are listed in {@code --help}.
   */
  static Group group() {
    return new Group();
  }

  /** The options of one group, built one by one. */
  final class Group {

    private final CommandSpec mixin = CommandSpec.create();

    private Group() {}

    /**
     * An option {@code name} of {@code type}, whose value (or {@code defaultValue}, which may name
     * an environment variable as {@code ${env:PORT:-5000}}) goes to {@code field}. A boolean takes
     * its value as {@code --name=true} or {@code --name=false}.
     */
    public <T> Group option(
        String name, Class<T> type, String defaultValue, Consumer<T> field, String description) {
      return option(name, type, null, defaultValue, field, description);
    }

    /** As {@link #option}, with the value read by {@code converter}. */
    public <T> Group option(
        String name,
        Class<T> type,
        ITypeConverter<T> converter,
        String defaultValue,
        Consumer<T> field,
        String description) {
      OptionSpec.Builder option =
          OptionSpec.builder(name)
              .type(type)
              .arity("1")
              .paramLabel(label(name))
              // the field is set from the default value; there is no initial value to reset it to
              .hasInitialValue(false)
              .defaultValue(defaultValue)
              .setter(setter(field))
              .description(description);
      if (converter != null) {
        option.converters(converter);
      }
      mixin.addOption(option.build());
      return this;
    }

    public CommandSpec build() {
      return mixin;
    }

    /** {@code --request-log} takes {@code <requestLog>}. */
    private static String label(String name) {
      StringBuilder label = new StringBuilder("<");
      boolean upper = false;
      for (char c : name.replaceFirst("^-+", "").toCharArray()) {
        if (c == '-') {
          upper = true;
        } else {
          label.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return label.append('>').toString();
    }

    private static <T> ISetter setter(Consumer<T> field) {
      return new ISetter() {
        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
          field.accept((T) value);
          return null;
        }
      };
    }
  }
}
