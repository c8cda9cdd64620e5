# Sourced by the scripts (./run, ./suite, ./compare, ./bench, docs/pictures/quantiles.sh): each
# require_* stops with a message that says what to install, instead of a build or a JVM failing later.

# The java the scripts start: JAVA_HOME's when it is set (as for ./mvnw), else the one on the PATH.
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# A JDK 17 or newer; sets JAVA_RELEASE to its feature release (17, 21, 25, ...).
require_jdk() {
  local tool=$1 version major
  local install="Install a JDK 17 or newer: 'sudo apt-get install openjdk-17-jdk' on Debian or Ubuntu, 'brew install openjdk@17' on macOS, or Temurin from adoptium.net; then run ./$tool again."
  if ! command -v "$JAVA" >/dev/null 2>&1; then
    local where="there is no java on the PATH"
    [[ -n ${JAVA_HOME:-} ]] && where="JAVA_HOME has no bin/java ($JAVA_HOME)"
    echo "$tool: needs Java, and $where. $install" >&2
    exit 1
  fi
  locate_java
  version=$JAVA_FULL_VERSION
  major=${version#1.}
  major=${major%%.*}
  if [[ ! $major =~ ^[0-9]+$ ]] || ((major < 17)); then
    echo "$tool: needs Java 17 or newer; $(command -v "$JAVA") is Java ${version:-of an unknown version}. $install" >&2
    exit 1
  fi
  JAVA_RELEASE=$major
  if ! command -v javac >/dev/null 2>&1 && [[ ! -x ${JAVA_HOME:-/nonexistent}/bin/javac ]]; then
    JDK_WITHOUT_JAVAC="$tool: the build needs a JDK, with javac, not only a Java runtime. $install"
  fi
}

# Sets JAVA_BIN, the java's own path (symlinks followed), and JAVA_FULL_VERSION, from the JDK's
# `release` file beside bin/ when there is one: asking the java itself starts a JVM, 60-90 ms that
# every ./run would add to the service's start-up. Bash's own reads and tests where they do: each
# process started here costs ./run's start-up 2-4 ms.
locate_java() {
  local bin line release
  if [[ $JAVA == */* ]]; then
    bin=$JAVA
  else
    bin=$(command -v "$JAVA")
  fi
  if [[ -L $bin ]]; then
    bin=$(readlink -f "$bin" 2>/dev/null || echo "$bin")
  fi
  JAVA_BIN=$bin
  JAVA_FULL_VERSION=
  release=${bin%/bin/java}/release
  if [[ $bin == */bin/java && -f $release ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      if [[ $line == JAVA_VERSION=* ]]; then
        line=${line#JAVA_VERSION=}
        JAVA_FULL_VERSION=${line//\"/}
        break
      fi
    done <"$release"
  fi
  if [[ -z $JAVA_FULL_VERSION ]]; then
    JAVA_FULL_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  fi
}

# Call before a build: a runtime without javac can run a jar but not make one.
require_javac() {
  if [[ -n ${JDK_WITHOUT_JAVAC:-} ]]; then
    echo "$JDK_WITHOUT_JAVAC" >&2
    exit 1
  fi
}

# A command from a Debian package: installed when running as root with apt-get (as in CI), else a
# message naming the package.  need TOOL COMMAND PACKAGE
need() {
  command -v "$2" >/dev/null || install_packages "$1" "$2" "$3"
}

# Python modules from Debian packages, for Debian's own python3 (/usr/bin/python3), which is the
# one those packages serve.  need_python TOOL "MODULE ..." PACKAGE...
need_python() {
  local tool=$1 modules=$2
  shift 2
  /usr/bin/python3 -c "import ${modules// /, }" 2>/dev/null || install_packages "$tool" "the Python modules $modules" "$@"
}

# install_packages TOOL WHAT PACKAGE...: as root with apt-get, installs them; else says what to install.
install_packages() {
  local tool=$1 what=$2
  shift 2
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "$tool: $what missing; installing the Debian package(s) $* ..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "$tool: needs $what: install $* (sudo apt-get install $*), then run again" >&2
    exit 1
  fi
}
