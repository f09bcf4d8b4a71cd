package org.benchtarget.core.db;

import java.lang.reflect.Array;
import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements each request executes (for {@code X-Query-Count}) and in total (for
 * /metrics) by wrapping the DataSource, so no query has to count itself. A request's statements
 * run on the thread that serves it, so the per-request count is thread-confined: open a
 * {@link Scope} around the request, read it, close it. Thread-safe.
 */
public final class StatementCounter {
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> CREATE = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final ThreadLocal<Scope> current = new ThreadLocal<>();
    private final LongAdder total = new LongAdder();

    /** Returns a DataSource whose connections count into this counter. */
    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, result, nanos) ->
                method.getName().equals("getConnection") ? proxy(Connection.class, (Connection) result, this::onConnectionCall) : result);
    }

    public long total() {
        return total.sum();
    }

    /** Starts counting for the calling thread's request. */
    public Scope open() {
        var scope = new Scope(current.get());
        current.set(scope);
        return scope;
    }

    /** The statements of one request. Not thread-safe: confined to the request's thread. */
    public final class Scope implements AutoCloseable {
        private final Scope outer;
        private int count;
        private long nanos;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        public int count() {
            return count;
        }

        /** Returns the time spent executing this request's statements. */
        public long nanos() {
            return nanos;
        }

        @Override
        public void close() {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    private Object onConnectionCall(Method method, Object result, long nanos) {
        if (CREATE.contains(method.getName())) {
            @SuppressWarnings("unchecked")
            var type = (Class<Statement>) method.getReturnType();
            return proxy(type, (Statement) result, this::onStatementCall);
        }
        return result;
    }

    private Object onStatementCall(Method method, Object result, long nanos) {
        if (EXECUTE.contains(method.getName())) {
            count(1, nanos);
        } else if (method.getName().equals("executeBatch") || method.getName().equals("executeLargeBatch")) {
            count(Array.getLength(result), nanos);
        }
        return result;
    }

    private void count(int statements, long nanos) {
        total.add(statements);
        var scope = current.get();
        if (scope != null) {
            scope.count += statements;
            scope.nanos += nanos;
        }
    }

    private interface AfterCall {
        Object apply(Method method, Object result, long nanos);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(target, args);
            }
            long start = System.nanoTime();
            try {
                var result = method.invoke(target, args);
                return after.apply(method, result, System.nanoTime() - start);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
