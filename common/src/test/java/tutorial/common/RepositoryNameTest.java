package tutorial.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.BadRequestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tutorial builds its upstream URL as {@code 'https://api.github.com/repos' + '/' + repos} from
 * whatever the path held. Here only names the repository API itself allows get that far, so no
 * request can be steered to another upstream path.
 */
class RepositoryNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prometheus/prometheus",
        "apache/kafka",
        "moby/moby",
        "a-b/c.d_e",
        "A1/.github",
        "x/-starts-with-hyphen",
        "x/..."
      })
  void acceptsNamesTheRepositoryApiAllows(String name) {
    String[] parts = name.split("/", 2);

    RepositoryName repository = new RepositoryName(parts[0], parts[1]);

    assertThat(repository.owner()).isEqualTo(parts[0]);
    assertThat(repository.repository()).isEqualTo(parts[1]);
    assertThat(repository).hasToString(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-a",
        "a-",
        "a--b",
        "bad_user!",
        "a.b",
        "a/b",
        "a?b",
        "a#b",
        "a%2F",
        "a b",
        "a\nb",
        "a\n",
        "a\u0000b",
        "a\tb",
        "jos\u00e9",
        "\u0430bc", // Cyrillic a, which looks like the Latin one
        "..",
        "."
      })
  void refusesOtherOwners(String owner) {
    assertThatThrownBy(() -> new RepositoryName(owner, "repository"))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageStartingWith("username must be");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        ".",
        "a/b",
        "a?b",
        "a#b",
        "a%2F",
        "a b",
        "a\nb",
        "a\n",
        "a\u0000b",
        "a\u007fb",
        "caf\u00e9",
        "\u0440\u0435\u043f\u043e"
      })
  void refusesOtherRepositories(String repository) {
    assertThatThrownBy(() -> new RepositoryName("owner", repository))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageStartingWith("repository must be");
  }

  @Test
  void acceptsTheLongestNames() {
    // GitHub's limits: 39 characters for a user or organisation, 100 for a repository
    String owner = "a".repeat(39);
    String repository = "r".repeat(100);

    assertThat(new RepositoryName(owner, repository)).hasToString(owner + "/" + repository);
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 41, 100})
  void refusesOwnersLongerThan39Characters(int length) {
    assertThatThrownBy(() -> new RepositoryName("a".repeat(length), "repository"))
        .isInstanceOf(BadRequestResponse.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 1000})
  void refusesRepositoriesLongerThan100Characters(int length) {
    assertThatThrownBy(() -> new RepositoryName("owner", "r".repeat(length)))
        .isInstanceOf(BadRequestResponse.class);
  }

  @Test
  void refusesMissingParts() {
    assertThatThrownBy(() -> new RepositoryName(null, "repository"))
        .isInstanceOf(BadRequestResponse.class);
    assertThatThrownBy(() -> new RepositoryName("owner", null))
        .isInstanceOf(BadRequestResponse.class);
  }
}
