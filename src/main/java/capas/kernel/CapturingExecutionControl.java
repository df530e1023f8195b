package capas.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets inside the kernel's own JVM and keeps the real objects they produce.
 *
 * <p>JShell's execution SPI only hands strings back to the caller; rich display needs the value
 * itself (a {@code Displayable}) and a {@code CapasException} needs its hint, so both are kept
 * here. Each snippet runs on a fresh thread so that an interrupt can stop it without touching
 * the thread that talks to Jupyter.
 */
final class CapturingExecutionControl extends DirectExecutionControl {
    /** Marks "no snippet produced a value", which differs from a snippet that produced null. */
    static final Object NO_VALUE = new Object();

    private volatile Object lastValue = NO_VALUE;
    private volatile Throwable lastThrowable;
    private volatile Thread running;
    private volatile boolean stopped;
    /** Set by an interrupt until the next cell: one that lands while JShell still compiles must stop the run that follows. */
    private volatile boolean stopRequested;

    /** A new cell begins: earlier interrupts are spent. */
    void arm() {
        stopRequested = false;
    }

    void reset() {
        lastValue = NO_VALUE;
        lastThrowable = null;
        stopped = false;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }

    boolean wasStopped() {
        return stopped;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "capas-snippet");
        // Libraries that look classes up by context loader (ServiceLoader, Jackson) must see snippet classes.
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        running = thread;
        if (stopRequested) {
            running = null;
            stopped = true;
            throw new StoppedException();
        }
        thread.start();
        try {
            thread.join();
        } finally {
            running = null;
        }
        Throwable thrown = failure.get();
        if (thrown instanceof InvocationTargetException ite && isStop(ite.getCause()) || isStop(thrown)) {
            stopped = true;
            throw new StoppedException();
        }
        if (thrown instanceof InvocationTargetException ite) {
            lastThrowable = ite.getCause();
            throw ite;
        }
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown != null) {
            throw new InvocationTargetException(thrown);
        }
        lastValue = result.get();
        return valueString(lastValue);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        // A bare variable name is read here, not through invoke(): keep its object too.
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            lastValue = NO_VALUE;
        }
        return super.varValue(className, varName);
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        stopRequested = true;
        Thread thread = running;
        if (thread != null) {
            stopped = true;
            try {
                // Thread.stop is the only way to end `while (true) {}`; JDK 17 still honours it.
                thread.stop();
            } catch (UnsupportedOperationException newerJdk) {
                // JDK 20+ refuses: only code that checks for interrupts (sleep, I/O) stops.
                thread.interrupt();
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static boolean isStop(Throwable t) {
        return t instanceof ThreadDeath;
    }
}
