/**
 * Tooling for the people who own radar.yaml: validation across entries and history, the rendered radar
 * (SVG/HTML), the impact of a proposed radar on repositories, the changelog from git history, and
 * import/export in other tech-radar formats. It sits after the check stage and uses it; no earlier stage
 * depends on it.
 */
package dev.radar.governance;
