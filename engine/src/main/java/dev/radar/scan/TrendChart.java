package dev.radar.scan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The trend chart of the dashboard, drawn as inline SVG: compliance (percent of checked repositories, left
 * axis) and open error findings (right axis) per day. No script, no fonts or images from the network.
 */
final class TrendChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 56;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private TrendChart() {}

    static String svg(List<History.Point> points) {
        StringBuilder s = new StringBuilder();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        s.append("<svg id=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" data-points=\"").append(points.size())
                .append("\" aria-label=\"Compliance and open errors per day\">");
        s.append("<title>Compliance and open errors per day</title>");
        int maxErrors = 1;
        for (History.Point p : points) {
            maxErrors = Math.max(maxErrors, p.error());
        }
        maxErrors = niceCeiling(maxErrors);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4.0;
            s.append(line(LEFT, y, LEFT + plotW, y, "grid"));
            s.append(text(LEFT - 6, y + 4, (i * 25) + "%", "axis end"));
            s.append(text(LEFT + plotW + 6, y + 4, String.valueOf(maxErrors * i / 4), "axis"));
        }
        s.append(text(LEFT, 14, "— compliant (left axis)", "legend compliance"));
        s.append(text(LEFT + plotW, 14, "open errors (right axis) - -", "legend errors"));
        if (points.isEmpty()) {
            s.append(text(LEFT + plotW / 2.0, TOP + plotH / 2.0, "no runs recorded yet", "axis middle"));
            return s.append("</svg>").toString();
        }
        int n = points.size();
        StringBuilder compliance = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i++) {
            History.Point p = points.get(i);
            double x = n == 1 ? LEFT + plotW / 2.0 : LEFT + plotW * i / (double) (n - 1);
            double pct = p.compliance() == null ? 0 : p.compliance().doubleValue();
            double yc = TOP + plotH - plotH * pct / 100.0;
            double ye = TOP + plotH - plotH * p.error() / (double) maxErrors;
            compliance.append(i == 0 ? "M" : " L").append(num(x)).append(' ').append(num(yc));
            errors.append(i == 0 ? "M" : " L").append(num(x)).append(' ').append(num(ye));
            if (i % labelEvery == 0 || i == n - 1) {
                s.append(text(x, TOP + plotH + 18, p.today().substring(5), "axis middle"));
            }
        }
        s.append("<path class=\"compliance\" d=\"").append(compliance).append("\"/>");
        s.append("<path class=\"errors\" d=\"").append(errors).append("\"/>");
        for (int i = 0; i < n; i++) {
            History.Point p = points.get(i);
            double x = n == 1 ? LEFT + plotW / 2.0 : LEFT + plotW * i / (double) (n - 1);
            double pct = p.compliance() == null ? 0 : p.compliance().doubleValue();
            s.append("<circle class=\"compliance\" cx=\"").append(num(x)).append("\" cy=\"")
                    .append(num(TOP + plotH - plotH * pct / 100.0)).append("\" r=\"3.5\" data-day=\"").append(Html.escape(p.today()))
                    .append("\" data-compliance=\"").append(p.compliance() == null ? "" : p.compliance().toPlainString())
                    .append("\"><title>").append(Html.escape(p.today())).append(": ").append(percent(p.compliance()))
                    .append(" compliant, ").append(p.error()).append(" open errors</title></circle>");
            s.append("<circle class=\"errors\" cx=\"").append(num(x)).append("\" cy=\"")
                    .append(num(TOP + plotH - plotH * p.error() / (double) maxErrors)).append("\" r=\"3\" data-day=\"")
                    .append(Html.escape(p.today())).append("\" data-errors=\"").append(p.error()).append("\"/>");
        }
        return s.append("</svg>").toString();
    }

    /** A horizontal bar of a percentage, for compliance columns. */
    static String bar(BigDecimal percent) {
        double pct = percent == null ? 0 : percent.doubleValue();
        return "<svg class=\"bar\" viewBox=\"0 0 100 10\" width=\"100\" height=\"10\" aria-hidden=\"true\">"
                + "<rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/>"
                + "<rect class=\"fill\" x=\"0\" y=\"0\" width=\"" + num(pct) + "\" height=\"10\"/></svg>";
    }

    static String percent(BigDecimal p) {
        return p == null ? "–" : p.toPlainString() + "%";
    }

    private static int niceCeiling(int v) {
        int step = 1;
        while (step * 10 < v) {
            step *= 10;
        }
        int c = ((v + step - 1) / step) * step;
        return c % 4 == 0 ? c : c + (4 - c % 4);
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>";
    }

    private static String text(double x, double y, String body, String cls) {
        return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\">" + Html.escape(body) + "</text>";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
