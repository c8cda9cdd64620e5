package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading one value out of a service's own text scrape, to compare with what PromQL says. */
final class Scrapes {

  private Scrapes() {}

  /** The first group of {@code pattern}'s first match in {@code scrape}, as a number. */
  static double number(Pattern pattern, String scrape) {
    Matcher matcher = pattern.matcher(scrape);
    assertThat(matcher.find()).as("%s in%n%s", pattern, scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
