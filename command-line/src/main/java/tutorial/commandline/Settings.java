package tutorial.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A group of command-line settings: picocli options declared in code, each setting a field of the
 * object that holds the group, and added to a command line as a picocli mixin. Declared with
 * picocli's annotations instead, every start paid for reading them: the JDK makes a proxy class for
 * each annotation type (the cost is in BENCHMARKS.md).
 */
public interface Settings {

  /** This group's options, as a picocli mixin whose options set this object's fields. */
  CommandSpec options();

  /**
   * What a start with these settings should say beside "listening on ...", when they change what a
   * learner sees (offline mode, say); empty for most.
   */
  default Optional<String> noteAtStart() {
    return Optional.empty();
  }

  /**
   * A builder for {@link #options()}: the options in the order they are listed in {@code --help}.
   */
  static Group group() {
    return new Group();
  }

  /**
   * The options of one group, built one by one. Most are {@link #option}s with one value; a group
   * may also hold {@link #flag}s without a value, {@link #list}s of values, and the {@link
   * #parameters} that are not options. {@link #alias}, {@link #label} and {@link #optionalValue}
   * change the option declared just before them.
   */
  final class Group {

    private final CommandSpec mixin = CommandSpec.create();
    private OptionSpec.Builder last;

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
      OptionSpec.Builder option = start(name, field, description).type(type).arity("1");
      option.defaultValue(defaultValue);
      if (converter != null) {
        option.converters(converter);
      }
      return this;
    }

    /**
     * A flag without a value: {@code --traffic} sets {@code field} to true, and a flag left out
     * leaves it false. As picocli allows, {@code --traffic=false} is understood too.
     */
    public Group flag(String name, Consumer<Boolean> field, String description) {
      // no arity: picocli's own for a boolean, which takes no value but accepts "=true"/"=false"
      start(name, field, description).type(boolean.class);
      return this;
    }

    /**
     * An option with any number of values of {@code type}, which may be given again ({@code -n a -n
     * b}) and, with a {@code split} such as {@code ","}, several at once ({@code --services=a,b});
     * {@code field} gets the list of them all. {@code defaultValue} as for {@link #option}, split
     * alike; with none, a list left out leaves the field as it was.
     */
    public <T> Group list(
        String name,
        Class<T> type,
        String split,
        String defaultValue,
        Consumer<List<T>> field,
        String description) {
      OptionSpec.Builder option =
          start(name, field, description).type(List.class).auxiliaryTypes(type).arity("1");
      option.defaultValue(defaultValue);
      if (split != null) {
        option.splitRegex(split);
      }
      return this;
    }

    /**
     * The arguments that are not options, such as the files and services that {@code ./compare}
     * compares, and every argument after {@code --}: all of them go to {@code field}, in their
     * order. {@code --help} shows them as {@code [label...]}.
     */
    public Group parameters(String label, Consumer<List<String>> field, String description) {
      add();
      FieldBinding<List<String>> binding = new FieldBinding<>(field);
      mixin.addPositional(
          PositionalParamSpec.builder()
              .index("0..*")
              .arity("0..*")
              .type(List.class)
              .auxiliaryTypes(String.class)
              .paramLabel(label)
              .hasInitialValue(false)
              .getter(binding)
              .setter(binding)
              .description(description)
              .build());
      return this;
    }

    /** Another name for the option declared last, such as {@code -n} for {@code --name}. */
    public Group alias(String name) {
      List<String> names = new ArrayList<>(List.of(name));
      names.addAll(List.of(last().names()));
      last.names(names.toArray(String[]::new));
      return this;
    }

    /**
     * {@code --help} shows the value of the option declared last as {@code label}, as in {@code
     * --step=CHAPTER/STEP}, instead of the option's name in angle brackets.
     */
    public Group label(String label) {
      last().paramLabel(label);
      return this;
    }

    /**
     * The option declared last may be given without a value, and then takes {@code fallback};
     * {@code --help} shows its value as {@code shownAs}, word for word ({@code
     * --formats=[FORMAT,...]}).
     */
    public Group optionalValue(String fallback, String shownAs) {
      last().arity("0..1").fallbackValue(fallback).paramLabel(shownAs).hideParamSyntax(true);
      return this;
    }

    public CommandSpec build() {
      add();
      return mixin;
    }

    /** Adds the option declared last, then begins the next one. */
    private <T> OptionSpec.Builder start(String name, Consumer<T> field, String description) {
      add();
      FieldBinding<T> binding = new FieldBinding<>(field);
      last =
          OptionSpec.builder(name)
              .paramLabel(defaultLabel(name))
              // the field is set from the default value; there is no initial value to reset it to
              .hasInitialValue(false)
              .getter(binding)
              .setter(binding)
              .description(description);
      return last;
    }

    private OptionSpec.Builder last() {
      if (last == null) {
        throw new IllegalStateException("declare an option first");
      }
      return last;
    }

    private void add() {
      if (last != null) {
        mixin.addOption(last.build());
        last = null;
      }
    }

    /** {@code --request-log} takes {@code <requestLog>}. */
    private static String defaultLabel(String name) {
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

    /**
     * Where picocli keeps an option's value while it parses, passed on to the field at each change.
     * picocli reads it back to add a list's next values to the values before them.
     */
    private static final class FieldBinding<T> implements IGetter, ISetter {
      private final Consumer<T> field;
      private Object value;

      private FieldBinding(Consumer<T> field) {
        this.field = field;
      }

      @Override
      @SuppressWarnings("unchecked")
      public <V> V get() {
        return (V) value;
      }

      @Override
      @SuppressWarnings("unchecked")
      public <V> V set(V value) {
        Object previous = this.value;
        this.value = value;
        field.accept((T) value);
        return (V) previous;
      }
    }
  }
}
