package tutorial.common.http;

/** The body of every error answer: {@code {"status":404,"error":"Not Found","message":"..."}}. */
public record ApiError(int status, String error, String message) {

  /** Longer messages quote a long request; they keep its start and end, not all of it. */
  static final int MAX_MESSAGE_LENGTH = 240;

  private static final int HEAD = 190;
  private static final int TAIL = 30;

  public ApiError {
    // a 6,000-character path must not come back as a 6 kB error body
    if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
      message = shortened(message);
    }
  }

  private static String shortened(String message) {
    int head = HEAD;
    int tail = message.length() - TAIL;
    // never cut a character outside the BMP in two
    if (Character.isHighSurrogate(message.charAt(head - 1))) {
      head--;
    }
    if (Character.isLowSurrogate(message.charAt(tail))) {
      tail++;
    }
    return message.substring(0, head)
        + " ... ("
        + (tail - head)
        + " characters left out) ... "
        + message.substring(tail);
  }
}
