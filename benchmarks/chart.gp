# The chart in BENCHMARKS.md, drawn by ./bench from the data files it writes:
#   gnuplot -e "dir='benchmarks/results'" benchmarks/chart.gp   ->  $dir/chart.png
# Left: each route's req/s as a fraction of the bare baseline's same route (target 0.95).
# Right: start-up to the first scrape, median of the runs, default and tuned launch (target 500 ms).
if (!exists("dir")) dir = 'benchmarks/results'
set terminal pngcairo size 1400,600 font "sans,10"
set output dir.'/chart.png'
set multiplot layout 1,2 title "Instrumentation cost and start-up (".system("cat ".dir."/chart-title.txt").")"
set datafile separator "\t"
set style fill solid 0.85 border -1
set grid ytics
set key top left
set bmargin 8

set title "req/s of each route / req/s of the bare baseline's same route (* /metrics: of its /)"
set yrange [0:1.3]
set ylabel "ratio"
set xtics rotate by -35 left noenhanced
set boxwidth 0.6
plot dir.'/routes.tsv' using 0:2:xtic(1) with boxes lc rgb "#3b7dd8" title "ratio", \
     0.95 with lines dt 2 lw 2 lc rgb "#c0392b" title "target 0.95", \
     dir.'/routes.tsv' using 0:($2+0.03):(sprintf("%.2f", $2)) with labels notitle

set title "start-up to the first 200 on /metrics (median)"
set yrange [0:*]
set ylabel "ms"
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set xtics rotate by -35 left noenhanced
plot dir.'/startup.tsv' using 2:xtic(1) title "default launch" lc rgb "#999999", \
     '' using 3 title "tuned launch" lc rgb "#27ae60", \
     500 with lines dt 2 lw 2 lc rgb "#c0392b" title "target 500 ms"
unset multiplot
