package tutorial.compare;

import java.nio.charset.StandardCharsets;
import tutorial.steps.TutorialSteps;

/** {@code --step}: a tutorial step's expected scrape, which ships inside this jar. */
final class Steps {

  private Steps() {}

  static byte[] expected(String step) throws TargetException {
    return TutorialSteps.read(step)
        .map(text -> text.getBytes(StandardCharsets.UTF_8))
        .orElseThrow(
            () ->
                new TargetException(
                    "no tutorial step '"
                        + step
                        + "'; the steps are:\n  "
                        + String.join("\n  ", TutorialSteps.names())));
  }
}
