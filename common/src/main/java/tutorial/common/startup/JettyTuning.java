package tutorial.common.startup;

/** Jetty settings that only change how fast it starts. */
public final class JettyTuning {

  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  private JettyTuning() {}

  /**
   * Jetty pads its queues to the number of object references per cache line, which it asks the
   * HotSpot diagnostic MBean for unless this system property gives it; asking starts the JVM's
   * whole platform MBean server (JMX and Flight Recorder beans) at every start, for an answer that
   * is 16 on every JVM with compressed references (any heap under 32 GB). Call it before Jetty's
   * first server starts; a value already set is kept.
   */
  public static void skipCacheLineProbe() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }
  }
}
