package dev.radar.governance;

import dev.radar.model.RadarEntry;
import dev.radar.model.Ring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where each blip of a radar goes: four quadrants (the radar's quadrants in order: top left, top right, bottom
 * left, bottom right), four rings (adopt innermost), blips numbered by quadrant, ring and name, and placed on
 * evenly filled arcs inside their segment. Pure arithmetic on the entries, so the same radar always gives the
 * same layout (no randomness, no force simulation).
 */
public final class RadarLayout {

    /** Outer radius of the radar, in SVG units. */
    public static final double RADIUS = 400;
    /** Outer radius of each ring as a fraction of {@link #RADIUS}: adopt gets the most room, as it has the most entries. */
    static final double[] RINGS = {0.55, 0.72, 0.86, 1.0};
    /** Radius of one blip. */
    public static final double BLIP = 9;
    private static final double SPACING = 22;
    private static final double MIN_SPACING = 2 * BLIP + 1;
    /** Distance kept between blips and the axes, where the ring names are written. */
    private static final double AXIS_CLEARANCE = 24;

    /**
     * One placed blip.
     *
     * @param number   its label, 1-based, unique across the radar
     * @param quadrant the quadrant's position, 0 = top left, 1 = top right, 2 = bottom left, 3 = bottom right
     * @param x        offset from the radar's centre, to the right
     * @param y        offset from the radar's centre, downwards (SVG orientation)
     */
    public record Blip(int number, RadarEntry entry, int quadrant, double x, double y) {}

    private RadarLayout() {}

    /** Lays out the entries; {@code quadrants} gives their order (at most four). */
    public static List<Blip> layout(List<String> quadrants, List<RadarEntry> entries) {
        if (quadrants.size() > 4) {
            throw new IllegalArgumentException("a radar is drawn with four quadrants; this one has " + quadrants.size());
        }
        List<Blip> out = new ArrayList<>();
        int number = 1;
        for (int q = 0; q < quadrants.size(); q++) {
            for (Ring ring : Ring.values()) {
                String quadrant = quadrants.get(q);
                List<RadarEntry> segment = entries.stream().filter(e -> e.quadrant().equals(quadrant) && e.ring() == ring)
                        .sorted(Comparator.comparing((RadarEntry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(RadarEntry::id))
                        .toList();
                List<double[]> spots = spots(q, ring, segment.size());
                for (int i = 0; i < segment.size(); i++) {
                    out.add(new Blip(number++, segment.get(i), q, spots.get(i)[0], spots.get(i)[1]));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Inner and outer radius of a ring. */
    public static double[] band(Ring ring) {
        int i = ring.ordinal();
        return new double[] {i == 0 ? 0 : RINGS[i - 1] * RADIUS, RINGS[i] * RADIUS};
    }

    /** The start angle of a quadrant in radians, counter-clockwise from the positive x axis (maths orientation). */
    static double startAngle(int quadrant) {
        return switch (quadrant) {
            case 0 -> Math.PI / 2; // top left: 90..180 degrees
            case 1 -> 0; // top right: 0..90
            case 2 -> Math.PI; // bottom left: 180..270
            default -> 3 * Math.PI / 2; // bottom right: 270..360
        };
    }

    private static List<double[]> spots(int quadrant, Ring ring, int count) {
        if (count == 0) {
            return List.of();
        }
        double[] band = band(ring);
        double spacing = SPACING;
        while (true) {
            List<double[]> rows = rows(band, spacing, ring == Ring.ADOPT);
            int capacity = rows.stream().mapToInt(r -> (int) r[1]).sum();
            if (capacity >= count || spacing <= MIN_SPACING) {
                return place(quadrant, rows, count, spacing);
            }
            spacing *= 0.9;
        }
    }

    /** Rows as {radius, capacity}. */
    private static List<double[]> rows(double[] band, double spacing, boolean innermost) {
        List<double[]> rows = new ArrayList<>();
        double first = innermost ? Math.max(spacing * 1.4, 30) : band[0] + spacing * 0.6;
        for (double r = first; r <= band[1] - spacing * 0.6; r += spacing) {
            double usable = r * Math.PI / 2 - 2 * AXIS_CLEARANCE;
            rows.add(new double[] {r, Math.max(0, Math.floor(usable / spacing))}); // blips sit mid-step: n per usable arc
        }
        if (rows.isEmpty()) {
            rows.add(new double[] {(band[0] + band[1]) / 2, Math.max(1, Math.floor(((band[0] + band[1]) / 2) * Math.PI / 2 / spacing))});
        }
        return rows;
    }

    private static List<double[]> place(int quadrant, List<double[]> rows, int count, double spacing) {
        int total = rows.stream().mapToInt(r -> (int) r[1]).sum();
        int[] share = new int[rows.size()];
        double[] remainder = new double[rows.size()];
        int given = 0;
        for (int i = 0; i < rows.size(); i++) {
            double exact = (double) count * rows.get(i)[1] / Math.max(1, total);
            share[i] = Math.min((int) Math.floor(exact), (int) rows.get(i)[1]);
            remainder[i] = exact - share[i];
            given += share[i];
        }
        while (given < count) { // largest remainder first, then outer rows (they have room); overflow goes to the outer row
            int best = -1;
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (share[i] < rows.get(i)[1] && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                best = rows.size() - 1;
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        List<double[]> out = new ArrayList<>(count);
        double start = startAngle(quadrant);
        for (int i = 0; i < rows.size(); i++) {
            double r = rows.get(i)[0];
            double margin = Math.min(Math.PI / 8, AXIS_CLEARANCE / r);
            double span = Math.PI / 2 - 2 * margin;
            for (int k = 0; k < share[i]; k++) {
                double angle = start + margin + span * (k + 0.5) / share[i];
                out.add(new double[] {round(r * Math.cos(angle)), round(-r * Math.sin(angle))});
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
