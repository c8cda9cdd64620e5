# Draws docs/pictures/quantiles.png; called by quantiles.sh, which passes with -e:
#   datafile  lower upper count cumulative, one line per finite bucket of request_duration_seconds
#   cdffile   upper bound and fraction of requests at or below it, from "0 0" on
#   outfile, total (requests), above (requests in the +Inf bucket, above the last bound)
#   p50 lo50 hi50 below50 in50 rank50, the same for p90: histogram_quantile's answer, the bounds of
#     the bucket holding it, the requests below that bucket and in it, and the rank (q * total)
#   p99, and s50 s90 s99: the summary's quantiles as summaries-app computed them
set encoding utf8
set terminal pngcairo size 1000,500 font "DejaVu Sans,10" enhanced
set output outfile

c_bar = "#9ecae1"; c_p50 = "#1f77b4"; c_p90 = "#d62728"; c_sum = "#2ca02c"
fmt(x) = sprintf("%.3f", x)
take50 = rank50 - below50; take90 = rank90 - below90
in_bucket(lo, hi, a, b) = abs(lo - a) < 1e-9 && abs(hi - b) < 1e-9
xmax = 1.0

set multiplot title sprintf("Latency quantiles from a live run: %d requests to histograms-app (buckets 0.1 … 1 s) and to summaries-app", total) font ",12"

# ---- left: requests per bucket, and where histogram_quantile puts p50 and p90 ----------------------
set origin 0, 0
set size 0.62, 0.94
set lmargin 8; set rmargin 2; set bmargin 3.5; set tmargin 2
set title "request\\_duration\\_seconds: requests per bucket"
set xlabel "request duration (seconds); each bar spans its bucket, lower to upper bound (le)"
set ylabel "requests"
set xrange [0:xmax]
set xtics 0.1 format "%.1f" nomirror
stats datafile using 3 nooutput
ymax = STATS_max * 1.6
set yrange [0:ymax]
set ytics nomirror
set grid ytics lc rgb "#dddddd"
set key top left reverse Left samplen 3 spacing 1.1 box lc rgb "#bbbbbb" opaque

# the interpolated share of each bucket that holds a quantile: its rank falls take of in requests
# into the bucket, so histogram_quantile goes that fraction of the bucket's width, as if the
# bucket's requests were spread evenly across it
set object 1 rect from lo50, 0 to p50, in50 fc rgb c_p50 fs transparent solid 0.45 noborder front
set object 2 rect from lo90, 0 to p90, in90 fc rgb c_p90 fs transparent solid 0.45 noborder front
# each quantile's line ends above the bars its label covers (p to p + 0.17 s), its label beside it
stats datafile using ($2 > p50 && $1 < p50 + 0.17 ? $3 : 0) nooutput
top50 = STATS_max + ymax * 0.10
stats datafile using ($2 > p90 && $1 < p90 + 0.17 ? $3 : 0) nooutput
top90 = STATS_max + ymax * 0.10
set arrow 1 from p50, 0 to p50, top50 nohead lw 2 dt 2 lc rgb c_p50 front
set arrow 2 from p90, 0 to p90, top90 nohead lw 2 dt 2 lc rgb c_p90 front
set label 1 sprintf("p50 = %s s", fmt(p50)) at p50, top50 offset 0.5, -0.4 left tc rgb c_p50 font ",10:Bold" front
set label 2 sprintf("p90 = %s s", fmt(p90)) at p90, top90 offset 0.5, -0.4 left tc rgb c_p90 font ",10:Bold" front
explain(q, p, take, n, lo, hi, rank, below) = sprintf( \
  "p%d = %s s: %.1f of the %d requests into\nthe %g–%g s bucket, interpolated linearly\n(rank %g × %d = %g; %d requests below it)", \
  q, fmt(p), take, n, lo, hi, q / 100.0, total, rank, below)
set label 3 explain(50, p50, take50, in50, lo50, hi50, rank50, below50) at graph 0.45, graph 0.90 left tc rgb c_p50 font ",9" front
set label 4 explain(90, p90, take90, in90, lo90, hi90, rank90, below90) at graph 0.45, graph 0.73 left tc rgb c_p90 font ",9" front
if (above > 0) {
  set label 6 sprintf("%d above 1 s (+Inf bucket)", above) at graph 0.98, graph 0.06 right tc rgb "#555555" front
}

set style fill solid 1.0 border lc rgb "#4a7fa8"
plot datafile using (($1 + $2) / 2):3:($2 - $1) with boxes lc rgb c_bar title "requests in the bucket", \
     NaN with boxes fs transparent solid 0.45 noborder lc rgb c_p50 title "p50's share of its bucket", \
     NaN with boxes fs transparent solid 0.45 noborder lc rgb c_p90 title "p90's share of its bucket", \
     NaN with lines dt 2 lw 2 lc rgb "#444444" title "histogram\\_quantile()"

unset object 1; unset object 2
unset arrow 1; unset arrow 2
unset label 1; unset label 2; unset label 3; unset label 4; unset label 6

# ---- right: the same run read cumulatively, with the summary's own quantiles beside ----------------
set origin 0.62, 0
set size 0.38, 0.94
set lmargin 8; set rmargin 3
set title "cumulative, and the summary's quantiles"
set xlabel "request duration (seconds)"
set ylabel "fraction of requests at or below"
set xrange [0:xmax + 0.04]  # room for a marker at the last bound
set xtics 0.2 format "%.1f"
set yrange [0:1.05]
set ytics 0.1 format "%.1f"
set grid xtics ytics lc rgb "#dddddd"
set key bottom right reverse Left samplen 1.5 spacing 1.1 box lc rgb "#bbbbbb" opaque

# histogram_quantile reads the straight lines between the bucket bounds: across at q, down at p
set arrow 11 from 0, 0.5 to p50, 0.5 nohead dt 2 lc rgb c_p50
set arrow 12 from p50, 0.5 to p50, 0 nohead dt 2 lc rgb c_p50
set arrow 13 from 0, 0.9 to p90, 0.9 nohead dt 2 lc rgb c_p90
set arrow 14 from p90, 0.9 to p90, 0 nohead dt 2 lc rgb c_p90
# the figures, right-aligned in a fixed-width font so the columns line up, on a white ground
set style textbox opaque noborder margins 0.5, 0.5
mono = "DejaVu Sans Mono,9"
set label 11 "quantile  histogram  summary" at graph 0.97, graph 0.45 right font mono tc rgb "#333333" boxed front
set label 12 sprintf("0.5    %7.3f s  %5.3f s", p50, s50) at graph 0.97, graph 0.39 right font mono tc rgb c_p50 boxed front
set label 13 sprintf("0.9    %7.3f s  %5.3f s", p90, s90) at graph 0.97, graph 0.33 right font mono tc rgb c_p90 boxed front
set label 14 sprintf("0.99   %7.3f s  %5.3f s", p99, s99) at graph 0.97, graph 0.27 right font mono tc rgb "#555555" boxed front

set print $summary
print sprintf("%g 0.5", s50)
print sprintf("%g 0.9", s90)
print sprintf("%g 0.99", s99)
set print
set print $histogram
print sprintf("%g 0.5", p50)
print sprintf("%g 0.9", p90)
print sprintf("%g 0.99", p99)
set print

plot cdffile using 1:2 with linespoints lw 1.5 pt 7 ps 0.5 lc rgb "#4a7fa8" title "buckets, cumulative", \
     $histogram using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb "#444444" title "histogram\\_quantile()", \
     $summary using 1:2 with points pt 13 ps 1.5 lc rgb c_sum title "summary quantile (in the app)"

unset multiplot
