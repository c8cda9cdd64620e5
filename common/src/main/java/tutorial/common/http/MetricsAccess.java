package tutorial.common.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Who may scrape {@code /metrics}: anyone (the tutorial's default), or only a client that sends the
 * configured basic-auth credentials or bearer token, as Prometheus's {@code basic_auth} and {@code
 * authorization} scrape settings do.
 */
public final class MetricsAccess {

  private static final MetricsAccess OPEN = new MetricsAccess(null, null);

  /** SHA-256 of the whole expected Authorization header; null when open. */
  private final byte[] expectedDigest;

  private final String challenge;

  private MetricsAccess(String expectedHeader, String challenge) {
    this.expectedDigest = expectedHeader == null ? null : sha256(expectedHeader);
    this.challenge = challenge;
  }

  public static MetricsAccess open() {
    return OPEN;
  }

  public static MetricsAccess basic(String username, String password) {
    String credentials = username + ":" + password;
    return new MetricsAccess(
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
        "Basic realm=\"metrics\", charset=\"UTF-8\"");
  }

  public static MetricsAccess bearer(String token) {
    return new MetricsAccess("Bearer " + token, "Bearer realm=\"metrics\"");
  }

  public boolean isOpen() {
    return expectedDigest == null;
  }

  /** Refuses the request with 401 unless it carries the expected credentials. */
  void check(Context ctx) {
    if (isOpen()) {
      return;
    }
    String given = ctx.header(Header.AUTHORIZATION);
    // digests of equal length, compared in constant time: neither the content nor the length of
    // the secret shows in how long a refusal takes
    if (given == null || !MessageDigest.isEqual(sha256(given), expectedDigest)) {
      ctx.header(Header.WWW_AUTHENTICATE, challenge);
      throw new UnauthorizedResponse("/metrics needs the configured credentials");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
