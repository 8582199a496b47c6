package dev.radar.cli;

import picocli.CommandLine;

/** The version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"radar " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
}
