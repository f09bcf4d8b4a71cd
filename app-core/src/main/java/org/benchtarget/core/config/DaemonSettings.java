package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.BackendKind;
import org.benchtarget.core.config.Modes.FrontKind;
import org.benchtarget.core.config.Modes.ProxyKind;
import org.benchtarget.core.config.Modes.ProxyProtocol;

import java.time.Duration;

/**
 * The knobs of daemon mode (parsed for every profile, read in daemon mode only): a front before {@code processes}
 * backend JVMs, each running the in-process target {@code backend}. Immutable.
 *
 * @param processes backend processes behind the front
 * @param backend   the in-process target each backend runs
 * @param front     what serves static files and proxies the rest
 * @param proxy     how the front reaches the backends
 * @param protocol  what the front speaks to the backends
 * @param timeout   how long the front waits for a backend's answer before it answers 504
 */
public record DaemonSettings(int processes, BackendKind backend, FrontKind front, ProxyKind proxy, ProxyProtocol protocol,
                             Duration timeout) {
}
