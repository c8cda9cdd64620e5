package tutorial.summaries;

import io.prometheus.metrics.core.metrics.Summary;
import picocli.CommandLine.Model.CommandSpec;
import tutorial.commandline.Settings;

/** Whether the summary also computes quantiles, chosen with {@code --quantiles} or its variable. */
public final class Quantiles implements Settings {

  boolean enabled;

  @Override
  public CommandSpec options() {
    return Settings.group()
        .option(
            "--quantiles",
            boolean.class,
            "${env:SUMMARY_QUANTILES:-false}",
            value -> enabled = value,
            "Also compute the 0.5, 0.9 and 0.99 quantiles over a sliding 5-minute window, which the"
                + " Python client cannot (env SUMMARY_QUANTILES, default ${DEFAULT-VALUE}).")
        .build();
  }

  Summary.Builder applyTo(Summary.Builder builder) {
    // allowed errors as in client_java's documentation: tighter towards the tail
    return enabled
        ? builder.quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001)
        : builder;
  }
}
