package org.benchtarget.core.web;

/**
 * A {@link Responder}'s "client gone" listener ({@link Responder#onGone}): set once, run once, at once when set after
 * the client went. Thread-safe; the listener runs outside the lock.
 */
public final class GoneSignal {
    private Runnable listener;
    private boolean gone;

    public void listen(Runnable gone) {
        boolean already;
        synchronized (this) {
            listener = gone;
            already = this.gone;
        }
        if (already) {
            gone.run();
        }
    }

    /** Marks the client gone and runs the listener, if one is set; the first call only. */
    public void fire() {
        Runnable toRun;
        synchronized (this) {
            if (gone) {
                return;
            }
            gone = true;
            toRun = listener;
        }
        if (toRun != null) {
            toRun.run();
        }
    }
}
