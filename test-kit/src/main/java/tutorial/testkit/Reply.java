package tutorial.testkit;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/** A whole HTTP answer, read before the connection is released. */
public record Reply(int status, Headers headers, byte[] body) {

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public String toString() {
    return status + " " + text();
  }
}
