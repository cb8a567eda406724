package io.streamlearn.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.streamlearn.load.measure.IntervalSample;

/**
 * A self-contained HTML page with inline SVG: per guarantee, throughput (offered, sent, answered per
 * second) and latency percentiles (p50, p99, p99.9) over time, both on log scales because baseline
 * and service differ by orders of magnitude, with the phases of the run
 * as labelled bands. No scripts or external assets, so it opens anywhere.
 */
public final class HtmlChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;

    private HtmlChart() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, render(report));
    }

    public static String render(RunReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Streamlearn load test ")
                .append(escape(report.runTag())).append("</title>\n<style>body{font-family:sans-serif;margin:20px}"
                        + "svg{background:#fff;border:1px solid #ddd;margin-bottom:12px}"
                        + ".legend span{margin-right:16px}</style></head><body>\n")
                .append("<h1>Streamlearn load test ").append(escape(report.runTag())).append("</h1>\n")
                .append("<p>").append(escape(report.startedAt())).append(" — ")
                .append(escape(report.machine().cpuModel())).append(", ").append(report.machine().logicalCores())
                .append(" cores. Shaded bands are the phases of the run (baseline, then service).</p>\n");
        for (GuaranteeRun run : report.guarantees()) {
            List<IntervalSample> samples = run.timeline();
            html.append("<h2>").append(escape(run.guarantee())).append("</h2>\n");
            if (samples.isEmpty()) {
                html.append("<p>no samples</p>\n");
                continue;
            }
            html.append("<div class=\"legend\"><span style=\"color:#999\">— offered ev/s</span>"
                    + "<span style=\"color:#1f77b4\">— sent ev/s</span>"
                    + "<span style=\"color:#2ca02c\">— answered ev/s</span></div>\n");
            html.append(panel(samples, List.of(
                    new Series("offered", "#999", IntervalSample::targetRate),
                    new Series("sent", "#1f77b4", IntervalSample::sentPerSecond),
                    new Series("answered", "#2ca02c", IntervalSample::answeredPerSecond)), true, "events/s (log)"));
            html.append("<div class=\"legend\"><span style=\"color:#2ca02c\">— p50</span>"
                    + "<span style=\"color:#ff7f0e\">— p99</span><span style=\"color:#d62728\">— p99.9</span>"
                    + "<span style=\"color:#9467bd\">— p99 after the answer was produced</span></div>\n");
            html.append(panel(samples, List.of(
                    new Series("p50", "#2ca02c", IntervalSample::p50Ms),
                    new Series("p99", "#ff7f0e", IntervalSample::p99Ms),
                    new Series("p99.9", "#d62728", IntervalSample::p999Ms),
                    new Series("p99 after the answer", "#9467bd", sample -> sample.afterAnswer().p99Ms())), true,
                    "latency ms (log)"));
        }
        return html.append("</body></html>\n").toString();
    }

    private record Series(String name, String colour, ToDoubleFunction<IntervalSample> value) {
    }

    private static String panel(List<IntervalSample> samples, List<Series> series, boolean logScale, String unit) {
        double t0 = samples.get(0).atSeconds() - 1;
        double t1 = samples.get(samples.size() - 1).atSeconds();
        double max = 0;
        double min = Double.MAX_VALUE;
        for (IntervalSample sample : samples) {
            for (Series s : series) {
                double v = s.value().applyAsDouble(sample);
                max = Math.max(max, v);
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        Scale x = new Scale(t0, Math.max(t1, t0 + 1), LEFT, WIDTH - RIGHT, false);
        Scale y = logScale
                ? new Scale(Math.max(0.1, Math.min(min, 1)), Math.max(max * 1.2, 10), HEIGHT - BOTTOM, TOP, true)
                : new Scale(0, Math.max(max * 1.1, 1), HEIGHT - BOTTOM, TOP, false);
        StringBuilder svg = new StringBuilder();
        svg.append(fmt("<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        phaseBands(svg, samples, x);
        axes(svg, x, y, unit, logScale);
        for (Series s : series) {
            // On a log scale a zero cannot be drawn: the line breaks there instead of bridging the gap.
            List<String> segments = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            for (IntervalSample sample : samples) {
                double v = s.value().applyAsDouble(sample);
                if (logScale && v <= 0) {
                    segments.add(points.toString().trim());
                    points.setLength(0);
                    continue;
                }
                points.append(fmt("%.1f,%.1f ", x.map(sample.atSeconds()), y.map(v)));
            }
            segments.add(points.toString().trim());
            for (String segment : segments) {
                if (!segment.isEmpty()) {
                    svg.append(fmt("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\">"
                            + "<title>%s</title></polyline>\n", s.colour(), segment, s.name()));
                }
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static void phaseBands(StringBuilder svg, List<IntervalSample> samples, Scale x) {
        List<int[]> bands = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || !samples.get(i).phase().equals(samples.get(start).phase())) {
                bands.add(new int[] {start, i - 1});
                start = i;
            }
        }
        int shade = 0;
        for (int[] band : bands) {
            IntervalSample first = samples.get(band[0]);
            if (first.phase().equals("idle")) {
                continue;
            }
            double from = x.map(band[0] == 0 ? first.atSeconds() - 1 : samples.get(band[0] - 1).atSeconds());
            double to = x.map(samples.get(band[1]).atSeconds());
            String fill = first.phase().startsWith("baseline") ? "#fdf0e0" : "#e6eefa";
            svg.append(fmt("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"%s\">"
                    + "<title>%s</title></rect>\n", from, TOP, Math.max(1, to - from), HEIGHT - TOP - BOTTOM, fill,
                    shade++ % 2 == 0 ? "1" : "0.6", escape(first.phase())));
            svg.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"#555\" transform=\"rotate(90 %.1f %d)\">"
                    + "%s</text>\n", from + 2, TOP + 2, from + 2, TOP + 2, escape(first.phase())));
        }
    }

    private static void axes(StringBuilder svg, Scale x, Scale y, String unit, boolean logScale) {
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", LEFT, HEIGHT - BOTTOM,
                WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", LEFT, TOP, LEFT,
                HEIGHT - BOTTOM));
        for (double tick : y.ticks(logScale)) {
            double py = y.map(tick);
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>\n", LEFT, py,
                    WIDTH - RIGHT, py, LEFT - 4, py + 3, compact(tick)));
        }
        for (double tick : x.ticks(false)) {
            svg.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.0f s</text>\n",
                    x.map(tick), HEIGHT - BOTTOM + 14, tick));
        }
        svg.append(fmt("<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\" "
                + "text-anchor=\"middle\">%s</text>\n", HEIGHT / 2, HEIGHT / 2, escape(unit)));
    }

    /** Linear or logarithmic map from data values to pixels. */
    record Scale(double from, double to, double pixelFrom, double pixelTo, boolean log) {

        double map(double value) {
            double a = log ? Math.log10(from) : from;
            double b = log ? Math.log10(to) : to;
            double v = log ? Math.log10(Math.max(value, from)) : value;
            return pixelFrom + (v - a) / (b - a) * (pixelTo - pixelFrom);
        }

        List<Double> ticks(boolean decades) {
            List<Double> ticks = new ArrayList<>();
            if (decades) {
                for (double t = Math.pow(10, Math.ceil(Math.log10(from))); t <= to; t *= 10) {
                    ticks.add(t);
                }
                return ticks;
            }
            double step = niceStep((to - from) / 6);
            for (double t = Math.ceil(from / step) * step; t <= to; t += step) {
                ticks.add(t);
            }
            return ticks;
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double normalised = raw / magnitude;
            return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
        }
    }

    private static String compact(double value) {
        if (value >= 1000) {
            return fmt("%.0fk", value / 1000);
        }
        return value >= 1 ? fmt("%.0f", value) : fmt("%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
