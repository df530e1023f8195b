package capas.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A kernel driven the way a browser drives it: created through a Jupyter server's REST API
 * ({@code POST api/kernels}) and spoken to over its kernel WebSocket
 * ({@code api/kernels/<id>/channels}, the JSON form of messaging protocol 5.3). The server may be
 * a plain notebook server or a student's single-user server reached through JupyterHub's proxy
 * ({@code http://host:8000/user/ana/}); the token goes in an {@code Authorization} header either way.
 *
 * <p>Every reply and output is matched to its request by {@code parent_header.msg_id}, never by
 * order: a kernel shares one iopub stream among all requests, and a server may interleave them.
 * A request is complete when both its {@code execute_reply} (shell) and its {@code status: idle}
 * (iopub) have arrived, in whichever order they come.
 */
public final class RemoteKernel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    /** Time for a new kernel to answer kernel_info on both channels (a JVM kernel starts in seconds). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http;
    private final URI kernelUri;
    private final String token;
    private final String kernelId;
    /** Whether this client started the kernel, and so deletes it on close. */
    private final boolean owned;
    private final String session = UUID.randomUUID().toString();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Messages whose parent is no request of ours (e.g. the server's own kernel_info): kept for failure messages. */
    private final List<String> unmatched = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile WebSocket socket;
    private volatile String closedBecause;
    private final java.util.concurrent.atomic.AtomicInteger fragmented = new java.util.concurrent.atomic.AtomicInteger();

    private RemoteKernel(HttpClient http, URI kernelUri, String token, String kernelId, boolean owned) {
        this.http = http;
        this.kernelUri = kernelUri;
        this.token = token;
        this.kernelId = kernelId;
        this.owned = owned;
    }

    /**
     * Starts a kernel named {@code kernelName} on the server at {@code serverBase} (ending in
     * {@code /}) and connects to it; returns once the kernel has answered on shell and iopub.
     */
    public static RemoteKernel start(URI serverBase, String token, String kernelName) throws IOException, InterruptedException {
        URI base = serverBase.toString().endsWith("/") ? serverBase : URI.create(serverBase + "/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HTTP_TIMEOUT).build();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("api/kernels"))
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "token " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", kernelName))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("POST " + base.resolve("api/kernels") + " {name: " + kernelName + "} answered "
                    + created.statusCode() + ": " + created.body());
        }
        String id = JSON.readTree(created.body()).path("id").asText();
        if (id.isEmpty()) {
            throw new IllegalStateException("POST api/kernels answered no kernel id: " + created.body());
        }
        return open(http, base, token, id, true);
    }

    /**
     * Connects to the running kernel {@code kernelId}, as a second browser tab (or a teacher
     * helping a student) does: it sees every output of the kernel, its own and the other
     * client's, and {@link #close} leaves the kernel running.
     */
    public static RemoteKernel attach(URI serverBase, String token, String kernelId) throws IOException, InterruptedException {
        URI base = serverBase.toString().endsWith("/") ? serverBase : URI.create(serverBase + "/");
        return open(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HTTP_TIMEOUT).build(), base, token, kernelId, false);
    }

    private static RemoteKernel open(HttpClient http, URI base, String token, String id, boolean owned) throws IOException, InterruptedException {
        RemoteKernel kernel = new RemoteKernel(http, base.resolve("api/kernels/" + id), token, id, owned);
        try {
            kernel.connect(base);
            kernel.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            kernel.close();
            throw e;
        }
        return kernel;
    }

    /** How many whole messages so far arrived in more than one piece (onText with last=false). */
    int fragmentedMessages() {
        return fragmented.get();
    }

    /** The server's id of this kernel. */
    public String id() {
        return kernelId;
    }

    private void connect(URI base) throws IOException, InterruptedException {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        URI channels = URI.create(scheme + "://" + base.getRawAuthority() + base.getRawPath() + "api/kernels/" + kernelId
                + "/channels?session_id=" + session);
        try {
            socket = http.newWebSocketBuilder()
                    .header("Authorization", "token " + token)
                    .connectTimeout(HTTP_TIMEOUT)
                    .buildAsync(channels, new Listener())
                    .get(HTTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("WebSocket " + channels + " refused: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("WebSocket " + channels + " not open after " + HTTP_TIMEOUT, e);
        }
    }

    /**
     * Asks kernel_info until one request's answer shows on iopub too: a server subscribes to
     * iopub asynchronously, and what a kernel publishes before that is lost (ZeroMQ's slow
     * joiner), so one answered kernel_info on shell alone would not prove outputs can arrive.
     */
    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<String> tried = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            Pending info = send("kernel_info_request", JSON.createObjectNode());
            tried.add(info.msgId);
            try {
                info.future.get(2, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                if (info.hasIopub()) {
                    // The kernel is up and publishing; it is merely slow to finish: wait for this one.
                    try {
                        info.future.get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
                        return;
                    } catch (TimeoutException | ExecutionException again) {
                        break;
                    }
                }
                pending.remove(info.msgId);
            } catch (ExecutionException e) {
                throw new IllegalStateException("kernel " + kernelId + " failed while starting: " + e.getCause().getMessage(), e.getCause());
            }
        }
        throw new IllegalStateException("kernel " + kernelId + " did not answer kernel_info on shell and iopub within " + READY_TIMEOUT
                + " (" + tried.size() + " requests); messages that arrived: " + unmatchedSummary());
    }

    /**
     * Sends {@code code} as an execute_request now and returns what it will have produced; several
     * may be outstanding at once, each completed from the messages whose parent is its own.
     */
    public CompletableFuture<Execution> submit(String code) {
        ObjectNode content = JSON.createObjectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.set("user_expressions", JSON.createObjectNode());
        content.put("allow_stdin", false);
        content.put("stop_on_error", true);
        return send("execute_request", content).future;
    }

    /** Runs {@code code} and waits for all of it; fails after {@code timeout} saying what arrived. */
    public Execution execute(String code, Duration timeout) {
        CompletableFuture<Execution> future = submit(code);
        return await(future, code, timeout);
    }

    /** Waits for a {@link #submit}ted execution; fails after {@code timeout} saying what arrived. */
    public Execution await(CompletableFuture<Execution> future, String code, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String arrived = pending.values().stream().filter(p -> p.future == future).findFirst()
                    .map(Pending::summary).orElse("(request no longer pending)");
            throw new AssertionError("kernel " + kernelId + ": no execute_reply and status idle within " + timeout + " for code\n"
                    + code + "\narrived for it: " + arrived + "\nother messages: " + unmatchedSummary());
        } catch (ExecutionException e) {
            throw new AssertionError("kernel " + kernelId + ": execution of\n" + code + "\nfailed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for\n" + code, e);
        }
    }

    private Pending send(String msgType, ObjectNode content) {
        String msgId = UUID.randomUUID().toString();
        ObjectNode header = JSON.createObjectNode();
        header.put("msg_id", msgId);
        header.put("msg_type", msgType);
        header.put("username", "capas-test");
        header.put("session", session);
        header.put("date", Instant.now().toString());
        header.put("version", "5.3");
        ObjectNode message = JSON.createObjectNode();
        message.set("header", header);
        message.set("parent_header", JSON.createObjectNode());
        message.set("metadata", JSON.createObjectNode());
        message.set("content", content);
        message.set("buffers", JSON.createArrayNode());
        message.put("channel", "shell");
        Pending request = new Pending(msgId, msgType);
        pending.put(msgId, request);
        if (closedBecause != null) {
            request.future.completeExceptionally(new IllegalStateException("WebSocket closed: " + closedBecause));
            return request;
        }
        try {
            String text = JSON.writeValueAsString(message);
            // The WebSocket allows one outstanding send at a time: sends from several threads queue here.
            synchronized (this) {
                socket.sendText(text, true).get(HTTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            request.future.completeExceptionally(new IllegalStateException("could not send " + msgType + ": " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.future.completeExceptionally(e);
        }
        return request;
    }

    /** One whole WebSocket message, parsed: routed to its request by parent msg_id. */
    void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            unmatched.add("unparsable: " + abbreviate(text));
            return;
        }
        String parent = message.path("parent_header").path("msg_id").asText("");
        Pending request = pending.get(parent);
        if (request == null) {
            unmatched.add(describe(message));
            return;
        }
        if (request.accept(message)) {
            pending.remove(parent);
        }
    }

    private String unmatchedSummary() {
        synchronized (unmatched) {
            return unmatched.isEmpty() ? "none" : String.join(", ", unmatched);
        }
    }

    private static String describe(JsonNode message) {
        String channel = message.path("channel").asText("?");
        String type = message.path("header").path("msg_type").asText("?");
        String detail = switch (type) {
            case "status" -> " " + message.path("content").path("execution_state").asText();
            case "stream" -> " " + message.path("content").path("name").asText() + " " + abbreviate(message.path("content").path("text").asText());
            case "error" -> " " + message.path("content").path("ename").asText();
            default -> "";
        };
        return channel + ":" + type + detail + " (parent " + message.path("parent_header").path("msg_id").asText("none") + ")";
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n");
        return flat.length() <= 80 ? "'" + flat + "'" : "'" + flat.substring(0, 80) + "…'";
    }

    /** Closes the socket and, if this client started the kernel, deletes it on the server. */
    @Override
    public void close() {
        WebSocket open = socket;
        if (open != null && !open.isOutputClosed()) {
            try {
                open.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                open.abort();
            } catch (InterruptedException e) {
                open.abort();
                Thread.currentThread().interrupt();
            }
        }
        if (!owned) {
            return;
        }
        try {
            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(kernelUri).timeout(HTTP_TIMEOUT)
                    .header("Authorization", "token " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (deleted.statusCode() != 204 && deleted.statusCode() != 200 && deleted.statusCode() != 404) {
                throw new IllegalStateException("DELETE " + kernelUri + " answered " + deleted.statusCode() + ": " + deleted.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("DELETE " + kernelUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted deleting " + kernelUri, e);
        }
    }

    /** What one execute_request produced, from the messages whose parent it was. */
    public record Execution(String msgId, String status, String text, String html, String ename, String evalue, List<JsonNode> messages) {
        public boolean ok() {
            return "ok".equals(status);
        }

        @Override
        public String toString() {
            return "Execution[" + status + (ename.isEmpty() ? "" : " " + ename + ": " + evalue) + ", text=" + abbreviate(text)
                    + ", html=" + abbreviate(html) + "]";
        }
    }

    /** A request waiting for its reply on shell and its idle on iopub. */
    private static final class Pending {
        final String msgId;
        final String msgType;
        final CompletableFuture<Execution> future = new CompletableFuture<>();
        private final List<JsonNode> messages = new ArrayList<>();
        private JsonNode reply;
        private boolean idle;
        private boolean iopub;

        Pending(String msgId, String msgType) {
            this.msgId = msgId;
            this.msgType = msgType;
        }

        synchronized boolean hasIopub() {
            return iopub;
        }

        /** Takes one message of this request's; true once both halves of the answer are in. */
        synchronized boolean accept(JsonNode message) {
            messages.add(message);
            String channel = message.path("channel").asText();
            String type = message.path("header").path("msg_type").asText();
            if (channel.equals("iopub")) {
                iopub = true;
                if (type.equals("status") && message.path("content").path("execution_state").asText().equals("idle")) {
                    idle = true;
                }
            } else if (channel.equals("shell") && type.endsWith("_reply")) {
                reply = message;
            }
            if (reply == null || !idle) {
                return false;
            }
            future.complete(execution());
            return true;
        }

        private Execution execution() {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            String ename = "";
            String evalue = "";
            for (JsonNode message : messages) {
                if (!message.path("channel").asText().equals("iopub")) {
                    continue;
                }
                JsonNode content = message.path("content");
                switch (message.path("header").path("msg_type").asText()) {
                    case "stream" -> text.append(content.path("text").asText());
                    case "display_data", "execute_result", "update_display_data" -> {
                        text.append(content.path("data").path("text/plain").asText());
                        html.append(content.path("data").path("text/html").asText());
                    }
                    case "error" -> {
                        ename = content.path("ename").asText();
                        evalue = content.path("evalue").asText();
                    }
                    default -> {
                    }
                }
            }
            JsonNode content = reply.path("content");
            if (ename.isEmpty() && content.path("status").asText().equals("error")) {
                ename = content.path("ename").asText();
                evalue = content.path("evalue").asText();
            }
            return new Execution(msgId, content.path("status").asText(), text.toString(), html.toString(), ename, evalue, List.copyOf(messages));
        }

        synchronized String summary() {
            List<String> seen = new ArrayList<>();
            messages.forEach(m -> seen.add(describe(m)));
            return msgType + " " + msgId + ": " + (seen.isEmpty() ? "nothing" : String.join(", ", seen))
                    + (reply == null ? "; no reply yet" : "") + (idle ? "" : "; no idle yet");
        }
    }

    /** Joins fragments (a long output arrives as several frames) and hands each whole message on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last && partial.isEmpty()) {
                fragmented.incrementAndGet();
            }
            partial.append(data);
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                dispatch(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            // Messages with binary buffers (widgets) come as binary frames; no test here sends any.
            if (last) {
                unmatched.add("binary message");
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll("closed by the server (" + statusCode + " " + reason + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll("error " + error);
        }

        private void failAll(String why) {
            closedBecause = why;
            pending.values().forEach(p -> p.future.completeExceptionally(
                    new IllegalStateException("WebSocket " + why + " before the answer to " + p.summary())));
        }
    }
}
