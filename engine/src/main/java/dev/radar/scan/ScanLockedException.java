package dev.radar.scan;

import java.io.IOException;

/** Another scan is writing the same output folder right now (it holds the folder's lock); nothing was written. */
public final class ScanLockedException extends IOException {
    ScanLockedException(String message) {
        super(message);
    }
}
