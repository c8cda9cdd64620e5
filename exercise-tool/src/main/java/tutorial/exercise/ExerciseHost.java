package tutorial.exercise;

import io.javalin.util.JavalinLogger;
import io.prometheus.metrics.core.metrics.Counter;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.http.ServiceServer;
import tutorial.common.settings.ServiceSettings;

/**
 * The JVM a learner's exercise runs in, one per check, so that whatever the exercise does (calls
 * {@code System.exit}, loops forever, takes a fixed port) cannot touch the watcher. The watcher
 * starts it ahead of time and it warms up (Javalin, Jetty and client_java's classes, loaded by a
 * service started and stopped), so a save's check pays neither for a JVM's start nor for a cold
 * one. Then it reads one line, {@code classes-folder TAB main-class TAB port TAB args...}, runs
 * that {@code main} and says on its own stdout, one event per line, what became of it; the
 * exercise's own output goes to stderr.
 */
public final class ExerciseHost {

  static final String READY = "ready";
  static final String LISTENING = "listening";
  static final String THREW = "threw";
  static final String EXIT = "exit";
  static final String RETURNED = "returned";
  static final String STUCK = "stuck";
  static final String NOT_RUNNABLE = "not-runnable";

  /** How long a {@code main} may take to listen on its port. */
  static final Duration START_BOUND = Duration.ofSeconds(8);

  /** The class loader's name, by which stack frames of the exercise are told apart. */
  static final String LOADER = "exercise";

  private static final AtomicBoolean hostExits = new AtomicBoolean();

  /**
   * The exercise's classes first, then this tool's: a learner's copy of a chapter's app, in the
   * app's own package, is the learner's code, not the finished app of the same name.
   */
  private static final class ExerciseLoader extends URLClassLoader {

    ExerciseLoader(URL classes) {
      super(LOADER, new URL[] {classes}, ExerciseHost.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notTheExercises) {
            return super.loadClass(name, resolve);
          }
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }

  private ExerciseHost() {}

  public static void main(String[] args) throws Exception {
    PrintStream events = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    System.setOut(System.err);
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(ExerciseHost::halt));
    warmUp();
    events.println(READY);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      halt();
      return;
    }
    List<String> parts = Arrays.asList(line.split("\t", -1));
    run(
        events,
        parts.get(0),
        parts.get(1),
        Integer.parseInt(parts.get(2)),
        parts.subList(3, parts.size()));
    // the service runs until the watcher stops this JVM; an end of input means the watcher is gone
    while (in.readLine() != null) {
      // nothing else is ever sent
    }
    halt();
  }

  private static void run(
      PrintStream events, String classes, String mainClass, int port, List<String> args) {
    Method main;
    try {
      ClassLoader loader =
          classes.isEmpty()
              ? ExerciseHost.class.getClassLoader()
              : new ExerciseLoader(Path.of(classes).toUri().toURL());
      main = Class.forName(mainClass, false, loader).getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        throw new NoSuchMethodException("main is not static");
      }
    } catch (NoSuchMethodException e) {
      events.println(
          NOT_RUNNABLE + "\t" + mainClass + " has no public static void main(String[] args)");
      return;
    } catch (ClassNotFoundException e) {
      events.println(NOT_RUNNABLE + "\t" + "no class " + mainClass + " in the compiled file");
      return;
    } catch (MalformedURLException | LinkageError e) {
      events.println(NOT_RUNNABLE + "\t" + mainClass + " cannot be loaded: " + e);
      return;
    }
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean returned = new AtomicBoolean();
    Thread runner =
        new Thread(
            () -> {
              try {
                main.invoke(null, (Object) args.toArray(String[]::new));
                returned.set(true);
              } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
              } catch (ReflectiveOperationException | RuntimeException | Error e) {
                thrown.set(e);
              }
            },
            "main");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!hostExits.get()) {
                    events.println(EXIT + "\t" + where(runner.getStackTrace(), "System.exit"));
                  }
                }));
    runner.start();
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    long returnedAt = 0;
    while (System.nanoTime() < deadline) {
      if (listens(port)) {
        events.println(LISTENING);
        return;
      }
      Throwable failure = thrown.get();
      if (failure != null) {
        events.println(THREW + "\t" + failure + where(failure.getStackTrace(), ""));
        return;
      }
      if (returned.get()) {
        returnedAt = returnedAt == 0 ? System.nanoTime() : returnedAt;
        if (System.nanoTime() - returnedAt > Duration.ofSeconds(1).toNanos()) {
          events.println(RETURNED);
          return;
        }
      }
      sleep(10);
    }
    events.println(STUCK + "\t" + where(runner.getStackTrace(), ""));
  }

  /** " at File.java:12", the first frame of the exercise's own code, or "" if there is none. */
  static String where(StackTraceElement[] frames, String fallback) {
    for (StackTraceElement frame : frames) {
      if (LOADER.equals(frame.getClassLoaderName()) && frame.getFileName() != null) {
        return " at " + frame.getFileName() + ":" + frame.getLineNumber();
      }
    }
    return fallback.isEmpty() ? "" : fallback;
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 50);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A service started, scraped and stopped: the classes a learner's service needs are loaded and
   * their first calls made before the learner saves.
   */
  private static void warmUp() throws Exception {
    ServiceSettings settings =
        ServiceSettings.parse(
            "warm-up",
            new String[] {"--port=0", "--host=127.0.0.1", "--request-log=false"},
            List.of());
    var registry = Service.registry(false);
    Counter counter = Counter.builder().name("warm_up").help("warm-up").register(registry);
    var javalin =
        ServiceServer.create(
            "warm-up",
            settings,
            routes -> {
              routes.get("/", ctx -> counter.inc());
              routes.get(MetricsEndpoint.PATH, MetricsEndpoint.handler(registry));
            });
    // its start-up lines would read as the exercise's, "listening on" another port
    boolean startupInfo = JavalinLogger.startupInfo;
    JavalinLogger.startupInfo = false;
    javalin.start();
    JavalinLogger.startupInfo = startupInfo;
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/", MetricsEndpoint.PATH)) {
      http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + path)).build(),
          HttpResponse.BodyHandlers.discarding());
    }
    javalin.stop();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void halt() {
    hostExits.set(true);
    Runtime.getRuntime().halt(0);
  }
}
