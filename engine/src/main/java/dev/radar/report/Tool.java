package dev.radar.report;

/** The tool's name and version as printed in reports. */
public final class Tool {
    public static final String NAME = "radar";
    public static final String URI = "https://github.com/radar-governance/radar";

    private Tool() {}

    /** The version from the jar manifest, or {@code dev} when running from classes. */
    public static String version() {
        String v = Tool.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
