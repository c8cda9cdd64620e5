package tutorial.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus {@code file_sd_configs} target file: one group per running instance, {@code
 * [{"targets": ["127.0.0.1:5003"], "labels": {"job": "histograms", "region": "eu"}}]}. Prometheus
 * re-reads it when it changes, so the suite rewrites it whenever its instances change: all of them
 * once started, none once stopped (a stopped suite is not an outage to alert on).
 */
final class TargetsFile {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One target group: its address and the labels Prometheus puts on every series scraped. */
  record Group(List<String> targets, Map<String, String> labels) {}

  private final Path file;

  TargetsFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** The group of one instance: its job (the service's name without "-app") and its region. */
  static Group group(String address, String job, String region) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("job", job);
    if (region != null) {
      labels.put("region", region);
    }
    return new Group(List.of(address), labels);
  }

  /** A temporary file is the owner's alone; a Prometheus running as another user reads this. */
  private static void readableByAll(Path path) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Replaces the file's content at once: Prometheus may read it at any moment, and must never see
   * half a file (it would keep the old targets and log an error).
   */
  void write(List<Group> groups) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path next = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        JSON.writeValue(next.toFile(), groups);
        readableByAll(next);
        try {
          Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(next);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the target file " + file, e);
    }
  }
}
