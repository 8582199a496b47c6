/**
 * Reports: the sorted, fingerprinted result of a check, and one writer per output format, all fed the
 * same {@link dev.radar.report.Report}. Files are written atomically.
 */
package dev.radar.report;
