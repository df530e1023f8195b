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
 * here. Each snippet runs on a fresh {@link CellThread} so that an interrupt can stop it without
 * touching the thread that talks to Jupyter, and every snippet class gets its stop polls
 * ({@link SnippetPolls}) as it loads: Stop then ends even a loop that never blocks, the same way
 * on every JDK.
 */
final class CapturingExecutionControl extends DirectExecutionControl {
    /** Marks "no snippet produced a value", which differs from a snippet that produced null. */
    static final Object NO_VALUE = new Object();

    private volatile Object lastValue = NO_VALUE;
    private volatile Throwable lastThrowable;
    private volatile CellThread running;
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
        CellThread thread = new CellThread(() -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        // Libraries that look classes up by context loader (ServiceLoader, Jackson) must see snippet classes.
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        running = thread;
        try {
            if (stopRequested) {
                stopped = true;
                throw new StoppedException();
            }
            thread.start();
            thread.join();
        } finally {
            running = null;
            thread.ended();
        }
        Throwable thrown = failure.get();
        if (isStop(thrown)) {
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
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] polled = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            polled[i] = new ClassBytecodes(classes[i].name(), SnippetPolls.insert(classes[i].bytecodes()));
        }
        super.load(polled);
    }

    @Override
    public void stop() {
        stopRequested = true;
        CellThread thread = running;
        if (thread != null) {
            stopped = true;
            thread.requestStop();
        }
    }

    /** The snippet ended because of Stop: the poll's throw, however the snippet's code wrapped it. */
    private static boolean isStop(Throwable thrown) {
        int depth = 0;
        // A cause chain can loop (initCause only refuses the throwable itself): look a bounded way down.
        for (Throwable t = thrown; t != null && depth++ < 64; t = t.getCause()) {
            if (t instanceof StopPoll.Stopped) {
                return true;
            }
        }
        return false;
    }
}
