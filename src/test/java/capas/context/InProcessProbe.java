package capas.context;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A probe's client whose probe is {@link ProbeMain#answer} in this process: every request and
 * reply crosses as the JSON line a real probe reads and writes, without {@code sudo} or
 * {@code podman unshare}.
 */
final class InProcessProbe implements ProbeProtocol.Wire {
    private final Inspector probeSide;

    private InProcessProbe(Inspector probeSide) {
        this.probeSide = probeSide;
    }

    /** An inspector that asks {@code probeSide} everything through the probe's wire format. */
    static Inspector over(Inspector probeSide) {
        return ProbeInspector.client(new InProcessProbe(probeSide));
    }

    @Override
    public ProbeProtocol.Reply ask(ProbeProtocol.Request request) {
        try {
            String line = ProbeProtocol.JSON.writeValueAsString(request);
            String answer = ProbeProtocol.JSON.writeValueAsString(ProbeMain.answer(probeSide, line));
            return ProbeProtocol.JSON.readValue(answer, ProbeProtocol.Reply.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        probeSide.close();
    }
}
