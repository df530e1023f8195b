package capas.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * A history_reply as the protocol has it: {@code history} is a list of
 * {@code [session, line_number, input]} triples. (jjava 1.0-a6 sends its entries as objects,
 * which frontends cannot read.)
 */
final class HistoryReplyContent implements ContentType<HistoryReplyContent> {
    @SuppressWarnings("unused") // read by the JSON serializer
    private final String status = "ok";
    @SuppressWarnings("unused")
    private final List<List<Object>> history;

    HistoryReplyContent(List<List<Object>> history) {
        this.history = history;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageType<HistoryReplyContent> getType() {
        return (MessageType<HistoryReplyContent>) (MessageType<?>) MessageType.HISTORY_REPLY;
    }
}
