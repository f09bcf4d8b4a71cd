package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.BackendKind;
import org.benchtarget.core.config.Modes.FrontKind;

/**
 * The knobs of daemon mode (parsed for every profile, read in daemon mode only): a front before {@code processes}
 * backend JVMs, each running the in-process target {@code backend}. Immutable.
 *
 * @param processes backend processes behind the front
 * @param backend   the in-process target each backend runs
 * @param front     what serves static files and proxies the rest
 */
public record DaemonSettings(int processes, BackendKind backend, FrontKind front) {
}
