# Sourced by the scripts that start jars (./run, ./suite, ./topology, ./bench): builds them with one
# reactor build, and shows its progress, a line per module as Maven starts it and the time each
# took, instead of a silent wait. The jars are reproducible (project.build.outputTimestamp in
# pom.xml): a build that changed nothing writes the same bytes, which ./run's archives rely on.

# The chapters' modules, in the tutorial's order, from the one list of them.
chapter_modules() {
  awk -F'\t' '!/^#/ && NF { printf "%s%s", sep, $1; sep = " " }' chapters.tsv
}

# Whether a file under the source folders of modules $2... (their main code and resources, their
# poms, the root pom and chapters.tsv) is newer than the jar $1, or the jar is missing.
jar_is_stale() {
  local jar=$1 module sources=(pom.xml chapters.tsv)
  shift
  [[ -f $jar ]] || return 0
  for module in "$@"; do
    sources+=("$module/pom.xml")
    [[ -d $module/src/main ]] && sources+=("$module/src/main")
  done
  [[ -n "$(find "${sources[@]}" -type f -newer "$jar" -print -quit)" ]]
}

# Builds the modules $2... (a comma list for -pl) and what they need, for "$1" (what the build is
# for, in the progress line); stops the script with Maven's errors when the build fails.
build_jars() {
  local what=$1 modules=$2 log started=$SECONDS
  require_javac
  log=$(mktemp "${TMPDIR:-/tmp}/build.XXXXXX")
  echo "Building $what with Maven (the first build downloads its dependencies, a minute or two) ..." >&2
  # a line as Maven starts each module ("[3/9] common"), then the time each took, from its summary
  if ./mvnw -B -ntp -pl "$modules" -am package -DskipTests 2>&1 | tee "$log" | awk '
    /^\[INFO\] Building .* \[[0-9]+\/[0-9]+\]$/ {
      step = $NF; name = $0; sub(/^\[INFO\] Building /, "", name); sub(/ +\[[0-9\/]+\]$/, "", name)
      sub(/ [0-9][^ ]*$/, "", name); sub(/:.*/, "", name)
      printf "  %s %s\n", step, name; fflush()
    }
    /^\[INFO\] Reactor Summary/ { summary = 1; next }
    summary && / SUCCESS \[/ {
      name = $0; sub(/^\[INFO\] /, "", name); sub(/ \.* *SUCCESS.*/, "", name); sub(/:.*/, "", name)
      took = $0; sub(/.*SUCCESS \[ */, "", took); sub(/\]$/, "", took); times = times sep name " " took; sep = ", "
    }
    END { if (times != "") print "  took: " times }
  ' >&2; then
    echo "Built in $((SECONDS - started)) s." >&2
    rm -f "$log"
  else
    grep -E '^\[ERROR\]' "$log" | head -20 >&2
    echo "The build failed; Maven's whole output: $log" >&2
    exit 1
  fi
}

# The chapter's module closest to a mistyped name $1 (counter-app, histogram, gauges), or nothing
# when none is close: the fewest letters to add, drop or change, at most a third of the name's.
closest_chapter() {
  chapter_modules | tr ' ' '\n' | awk -v typed="$1" '
    function distance(a, b,   i, j, la, lb, cost, d) {
      la = length(a); lb = length(b)
      for (i = 0; i <= la; i++) d[i, 0] = i
      for (j = 0; j <= lb; j++) d[0, j] = j
      for (i = 1; i <= la; i++)
        for (j = 1; j <= lb; j++) {
          cost = substr(a, i, 1) == substr(b, j, 1) ? 0 : 1
          d[i, j] = d[i - 1, j] + 1
          if (d[i, j - 1] + 1 < d[i, j]) d[i, j] = d[i, j - 1] + 1
          if (d[i - 1, j - 1] + cost < d[i, j]) d[i, j] = d[i - 1, j - 1] + cost
        }
      return d[la, lb]
    }
    {
      # "histograms" means histograms-app as well
      score = distance(typed, $1); bare = $1; sub(/-app$/, "", bare)
      if (distance(typed, bare) < score) score = distance(typed, bare)
      if (best == "" || score < least) { best = $1; least = score }
    }
    END { if (best != "" && least <= length(typed) / 3) print best }
  '
}
