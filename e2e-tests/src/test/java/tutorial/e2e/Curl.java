package tutorial.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import tutorial.testkit.Reply;

/**
 * One {@code curl} line of a chapter's steps, as a learner types it: {@code curl -s -g
 * 'localhost:5000/metrics?name[]=list_size'}, {@code curl -X POST localhost:5000/state/stopped},
 * optionally piped to {@code grep WORD}, and optionally followed by the answer it prints as a
 * comment: {@code # → Added 5 to my_list}.
 */
record Curl(
    String method,
    String pathAndQuery,
    List<String> headers,
    boolean showsHeaders,
    String grep,
    Optional<String> answer) {

  static final String ANSWER = "# → ";

  /** The curl command of {@code line}, or empty if the line is not one. */
  static Optional<Curl> parse(String line) {
    String command = line.strip();
    if (!command.startsWith("curl ")) {
      return Optional.empty();
    }
    Optional<String> answer = Optional.empty();
    int comment = commentStart(command);
    if (comment >= 0) {
      String text = command.substring(comment);
      answer = text.startsWith(ANSWER) ? Optional.of(text.substring(ANSWER.length())) : answer;
      command = command.substring(0, comment).strip();
    }
    String grep = null;
    int pipe = command.indexOf(" | ");
    if (pipe >= 0) {
      List<String> after = words(command.substring(pipe + 3));
      if (after.size() != 2 || !after.get(0).equals("grep")) {
        throw new IllegalArgumentException("only '| grep WORD' is understood: " + line);
      }
      grep = after.get(1);
      command = command.substring(0, pipe);
    }
    String method = "GET";
    boolean showsHeaders = false;
    String url = null;
    List<String> headers = new ArrayList<>();
    List<String> words = words(command);
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-s", "-g", "-sg", "-gs" -> {}
        case "-i", "-si", "-is" -> showsHeaders = true;
        case "-X" -> method = words.get(++i);
        case "-H" -> headers.add(words.get(++i));
        default -> {
          if (word.startsWith("-") || url != null) {
            throw new IllegalArgumentException("curl option or word not understood: " + word);
          }
          url = word;
        }
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("no URL in: " + line);
    }
    String withoutScheme = url.replaceFirst("^https?://", "");
    int slash = withoutScheme.indexOf('/');
    String path = slash < 0 ? "/" : withoutScheme.substring(slash);
    return Optional.of(new Curl(method, path, headers, showsHeaders, grep, answer));
  }

  /**
   * The output as the learner sees it: the body (after the status line and the headers, with {@code
   * -i}), or the lines of it that grep keeps.
   */
  String shown(Reply reply) {
    String output = reply.text();
    if (showsHeaders) {
      StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + "\n");
      Headers headers = reply.headers();
      for (int i = 0; i < headers.size(); i++) {
        head.append(headers.name(i)).append(": ").append(headers.value(i)).append('\n');
      }
      output = head + "\n" + output;
    }
    if (grep == null) {
      return output;
    }
    return String.join("\n", output.lines().filter(l -> l.contains(grep)).toList());
  }

  boolean isScrape() {
    return pathAndQuery.startsWith("/metrics");
  }

  /** Where a comment starts: a {@code #} after a space, outside quotes. */
  private static int commentStart(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && i > 0 && line.charAt(i - 1) == ' ') {
        return i;
      }
    }
    return -1;
  }

  /** Shell words: split at spaces, with '...' and "..." kept whole and their quotes taken off. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
