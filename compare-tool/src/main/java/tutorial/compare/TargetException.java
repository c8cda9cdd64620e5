package tutorial.compare;

/** A target that cannot be read: unreachable, an error answer, or not a scrape. */
public class TargetException extends Exception {
  TargetException(String message) {
    super(message);
  }
}
