package tutorial.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code prometheus.yml} for a test: the shipped file's job names and rule files, but every
 * target on a loopback port the test chose, and a 1 s scrape and rule interval so that a test waits
 * seconds, not minutes.
 */
final class ScrapeConfig {

  private final Map<String, List<String>> jobs = new LinkedHashMap<>();
  private final List<String> ruleFiles = new ArrayList<>();
  private int down;

  /** A job scraping these {@code host:port} targets, each expected to be up. */
  ScrapeConfig job(String name, List<String> targets) {
    jobs.computeIfAbsent(name, n -> new ArrayList<>()).addAll(targets);
    return this;
  }

  ScrapeConfig job(String name, String... targets) {
    return job(name, List.of(targets));
  }

  /** A job whose target has nothing listening: the scrape fails and {@code up} is 0. */
  ScrapeConfig jobWithoutService(String name, String target) {
    down++;
    return job(name, target);
  }

  /** A rule file, by its name in the shipped prometheus/ folder; the server copies it beside. */
  ScrapeConfig ruleFile(String fileName) {
    ruleFiles.add(fileName);
    return this;
  }

  List<String> ruleFiles() {
    return List.copyOf(ruleFiles);
  }

  /** How many targets {@code count(up == 1)} reaches once every service has been scraped. */
  int targetsUp() {
    return jobs.values().stream().mapToInt(List::size).sum() - down;
  }

  String yaml() {
    StringBuilder yaml =
        new StringBuilder()
            .append("global:\n")
            .append("  scrape_interval: 1s\n")
            .append("  scrape_timeout: 1s\n")
            .append("  evaluation_interval: 1s\n");
    if (!ruleFiles.isEmpty()) {
      yaml.append("rule_files:\n");
      ruleFiles.forEach(file -> yaml.append("  - '").append(file).append("'\n"));
    }
    yaml.append("scrape_configs:\n");
    jobs.forEach(
        (job, targets) ->
            yaml.append("  - job_name: '")
                .append(job)
                .append("'\n")
                .append("    static_configs:\n")
                .append("      - targets: ")
                .append(
                    targets.stream()
                        .map(target -> "'" + target + "'")
                        .collect(Collectors.joining(", ", "[", "]")))
                .append('\n'));
    return yaml.toString();
  }
}
