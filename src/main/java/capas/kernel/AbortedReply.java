package capas.kernel;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * An execute_reply with status "aborted": the cell was not run (see {@link RunAllStop}). jjava's
 * own {@code ExecuteReply} knows only "ok" and "error".
 */
final class AbortedReply implements ContentType<AbortedReply> {
    static final AbortedReply INSTANCE = new AbortedReply();

    @SuppressWarnings("unused") // read by the JSON serializer
    private final String status = "aborted";

    private AbortedReply() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<AbortedReply> getType() {
        return (MessageType<AbortedReply>) (MessageType<?>) MessageType.EXECUTE_REPLY;
    }
}
