package org.benchtarget.bench.run.result;

/** Failed requests by kind: no connection, no answer in time, connection reset or closed early, an answer other than 2xx, anything else. */
public record Errors(long connect, long timeout, long reset, long non2xx, long other) {
    public static final Errors NONE = new Errors(0, 0, 0, 0, 0);

    public long total() {
        return connect + timeout + reset + non2xx + other;
    }

    public Errors plus(Errors that) {
        return new Errors(connect + that.connect, timeout + that.timeout, reset + that.reset,
                non2xx + that.non2xx, other + that.other);
    }
}
