package capas.kernel;

import capas.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The Capas kernel: cells are JShell snippets or shell magics, run in this JVM next to the
 * Capas library.
 *
 * <p>JShell starts on a background thread as soon as the kernel exists, so that it is warm by
 * the time Jupyter, having asked for kernel_info, sends the first cell.
 */
public final class CapasKernel extends BaseKernel {
    private static final Messages MESSAGES = Messages.of(CapasKernel.class);
    static final String NAME = "capas";
    static final String VERSION = "0.1.0";

    private final CapasIO capasIO;
    private final SessionHistory history;
    private final CompletableFuture<JShellSession> session;
    private volatile Runnable stopper;
    /** Stop was pressed since the current cell began (perhaps before any part of it could be stopped). */
    private volatile boolean stopPressed;
    private final RunAllStop runAllStop = new RunAllStop();

    private CapasKernel(CapasIO io, SessionHistory history, CompletableFuture<JShellSession> session) {
        super(NAME, VERSION, languageInfo(),
                List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/"),
                        new HelpLink("Podman", "https://docs.podman.io/")),
                history, io, new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().build());
        this.capasIO = io;
        this.history = history;
        this.session = session;
    }

    /** A kernel whose JShell is already starting. */
    public static CapasKernel create() {
        // JShell is the slowest part of startup: it starts before anything else is built.
        CompletableFuture<JShellSession> session =
                CompletableFuture.supplyAsync(() -> JShellSession.start(ClassPath.ofThisJvm()), CapasKernel::daemon);
        return new CapasKernel(new CapasIO(), new SessionHistory(), session);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "capas-jshell-start");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String getBanner() {
        return MESSAGES.get("kernel.banner", Runtime.version().feature());
    }

    JShellSession session() {
        try {
            return session.join();
        } catch (CompletionException e) {
            String text = MESSAGES.get("kernel.starting", String.valueOf(e.getCause()));
            throw new CellFailure(MESSAGES.get("kernel.starting.name"), text, List.of(text));
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        Instant sent = sentAt(message);
        // Before "busy" goes out: a frontend that saw it and pressed Stop must reach this cell.
        beginCell();
        if (runAllStop.skips(sent)) {
            env.setBusyDeferIdle();
            env.defer().reply(AbortedReply.INSTANCE);
            return;
        }
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        history.add(request.getCode());
        replaceOutputStreams(env);
        capasIO.attach(env, request.isStdinEnabled());
        env.defer(() -> capasIO.detach(env));
        long started = System.nanoTime();
        Runnable stopsRunAll = request.shouldStopOnError()
                ? () -> runAllStop.failed(sent, Duration.ofNanos(System.nanoTime() - started))
                : () -> { };
        try {
            DisplayData result = run(request.getCode());
            flush();
            if (result != null) {
                env.publish(new PublishExecuteResult(count, result));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellFailure failure) {
            fail(env, count, stopsRunAll, failure);
        } catch (RuntimeException | Error bug) {
            List<String> lines = formatError(bug instanceof Exception e ? e : new RuntimeException(bug));
            fail(env, count, stopsRunAll, new CellFailure(bug.getClass().getName(), String.valueOf(bug.getMessage()), lines));
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoContent(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.setBusyDeferIdle();
        env.reply(new HistoryReplyContent(entries.stream()
                .map(e -> List.<Object>of(e.getSession(), e.getCellNumber(), e.getInput())).toList()));
    }

    private void fail(ShellReplyEnvironment env, int count, Runnable stopsRunAll, CellFailure failure) {
        flush();
        stopsRunAll.run();
        env.publish(new PublishError(failure.ename(), failure.evalue(), failure.traceback()));
        ErrorReply reply = new ErrorReply(failure.ename(), failure.evalue(), failure.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    /**
     * When the sender stamped the request (its header's date), or null if it did not or the stamp
     * cannot be read. jjava's own {@code KernelTimestamp.getDate()} is not used: it parses to the
     * minute only, and throws on the seconds and microseconds jupyter_client
     * and browsers send, which silently killed every execute request.
     */
    static Instant sentAt(Message<?> message) {
        KernelTimestamp stamp = message.getHeader().getTimestamp();
        return stamp == null ? null : RunAllStop.parseStamp(stamp.getDateString());
    }


    private void flush() {
        io.out.flush();
        io.err.flush();
    }

    /** A new cell begins: a Stop pressed while the kernel was idle is spent. */
    void beginCell() {
        stopPressed = false;
    }

    /**
     * Publishes how to stop the part about to run, then honours a Stop that came before it could
     * (while JShell was starting, the cell's input was published, or an earlier part ended).
     */
    private void stoppableBy(Runnable stop) {
        stopper = stop;
        if (stopPressed) {
            throw Errors.interrupted();
        }
    }

    /** Runs every part of a cell in order; the cell's result is its last part's. */
    DisplayData run(String code) {
        DisplayData result = null;
        for (Cell.Part part : Cell.parse(code).parts()) {
            result = part.kind() == Cell.Kind.JAVA ? runJava(part) : runMagic(part);
        }
        return result;
    }

    private DisplayData runJava(Cell.Part part) {
        JShellSession jshell = session();
        // Before Stop can reach the session, so that beginning cannot clear a Stop meant for this cell.
        jshell.begin();
        try {
            stoppableBy(jshell::stop);
            JShellSession.Result result = jshell.eval(part.body(), part.firstLine());
            return result.hasValue() ? Displays.of(result.value(), result.text()) : null;
        } finally {
            stopper = null;
        }
    }

    private DisplayData runMagic(Cell.Part part) {
        List<String> argv = ShellMagics.argv(part);
        if (argv == null) {
            String prefix = part.kind() == Cell.Kind.CELL_MAGIC ? "%%" : "%";
            String text = MESSAGES.get("magic.unknown", prefix, part.name());
            throw new CellFailure(MESSAGES.get("magic.unknown.name"), text, List.of(text));
        }
        ShellCommand command = new ShellCommand(argv);
        try {
            // Killing a process tree waits for it to die; the control channel must not.
            stoppableBy(() -> background(command::interrupt));
            int status = command.run(System.out, System.err);
            if (status != 0) {
                throw ShellCommand.failed(status);
            }
            return null;
        } finally {
            stopper = null;
        }
    }

    private static void background(Runnable task) {
        Thread thread = new Thread(task, "capas-interrupt");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the running cell, or the cell that has begun but has nothing to stop yet: flag first,
     * then the stopper, so that {@link #stoppableBy} sees one or the other.
     */
    @Override
    public void interrupt() {
        stopPressed = true;
        Runnable running = stopper;
        if (running != null) {
            running.run();
        }
    }

    @Override
    public Object evalRaw(String source) {
        return run(source);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return new CodeAssist(session()).inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return new CodeAssist(session()).complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return new CodeAssist(session()).isComplete(code);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        session.thenAccept(JShellSession::close);
    }
}
