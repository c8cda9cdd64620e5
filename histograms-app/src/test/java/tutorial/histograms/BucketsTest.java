package tutorial.histograms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import tutorial.testkit.TestSettings;

/** {@code HISTOGRAM_BUCKETS=python|tutorial}, or {@code --buckets=...}. */
class BucketsTest {

  @Test
  void pythonLayoutIsThePythonClientsDefault() {
    // not client_java's own default, which has no .075, .75 or 7.5
    assertThat(TestSettings.parse(new Buckets(), "--buckets=python").upperBounds())
        .containsExactly(.005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10);
  }

  @Test
  void tutorialLayoutIsTheChaptersCustomBuckets() {
    // DEFAULT_BUCKETS = (.1, .2, .3, .4, .5, .6, .7, .8, .9, 1, INF); +Inf is always there
    assertThat(TestSettings.parse(new Buckets(), "--buckets=tutorial").upperBounds())
        .containsExactly(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1);
  }

  @Test
  void theBoundsHandedOutCannotChangeTheLayout() {
    Buckets buckets = TestSettings.parse(new Buckets(), "--buckets=python");

    buckets.upperBounds()[0] = 42;

    assertThat(buckets.upperBounds()[0]).isEqualTo(.005);
  }

  @Test
  void theLayoutIsChosenOnTheCommandLine() {
    Buckets buckets = new Buckets();

    new CommandLine(buckets.options()).parseArgs("--buckets=tutorial", "--native-histogram=true");

    assertThat(buckets.layout).isEqualTo(Buckets.Layout.tutorial);
    assertThat(buckets.nativeToo()).isTrue();
  }

  @Test
  void anUnknownLayoutIsRefused() {
    assertThatThrownBy(() -> new CommandLine(new Buckets().options()).parseArgs("--buckets=java"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("python")
        .hasMessageContaining("tutorial");
  }
}
