package tutorial.histograms;

import picocli.CommandLine.Model.CommandSpec;
import tutorial.commandline.Settings;

/** The histogram's bucket layout, chosen on the command line or with {@code HISTOGRAM_BUCKETS}. */
public final class Buckets implements Settings {

  /** The Python client's defaults, which the tutorial's first histogram uses. */
  static final double[] PYTHON_DEFAULT = {
    .005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10
  };

  /** The tutorial's own buckets, {@code (.1, .2, ..., 1, INF)}; +Inf is always added. */
  static final double[] TUTORIAL = {.1, .2, .3, .4, .5, .6, .7, .8, .9, 1};

  public enum Layout {
    python,
    tutorial
  }

  Layout layout = Layout.python;
  boolean nativeToo;

  @Override
  public CommandSpec options() {
    return Settings.group()
        .option(
            "--buckets",
            Layout.class,
            "${env:HISTOGRAM_BUCKETS:-python}",
            value -> layout = value,
            "Bucket layout: 'python' (the Python client's defaults, .005 to 10) or 'tutorial'"
                + " (.1 to 1 by .1) (env HISTOGRAM_BUCKETS, default ${DEFAULT-VALUE}).")
        .option(
            "--native-histogram",
            boolean.class,
            "${env:NATIVE_HISTOGRAM:-false}",
            value -> nativeToo = value,
            "Also keep a native histogram, sent to Prometheus over protobuf"
                + " (env NATIVE_HISTOGRAM, default ${DEFAULT-VALUE}).")
        .build();
  }

  double[] upperBounds() {
    return layout == Layout.tutorial ? TUTORIAL.clone() : PYTHON_DEFAULT.clone();
  }

  boolean nativeToo() {
    return nativeToo;
  }
}
