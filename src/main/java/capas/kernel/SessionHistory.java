package capas.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells run since the kernel started, for frontends that ask (jupyter console's arrow-up):
 * without an answer to history_request they wait for one that never comes.
 */
final class SessionHistory implements HistoryManager {
    private static final int SESSION = 1;

    private final List<String> inputs = new ArrayList<>();

    synchronized void add(String input) {
        inputs.add(input);
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, inputs.size() - Math.max(0, length));
        return entries(from, inputs.size());
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        int from = Math.max(0, start - 1);
        int to = stop <= 0 ? inputs.size() : Math.min(inputs.size(), stop - 1);
        return from >= to ? List.of() : entries(from, to);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        String plain = pattern.replace("*", "");
        List<HistoryEntry> found = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).contains(plain)) {
                found.add(new HistoryEntry(SESSION, i + 1, inputs.get(i), null));
            }
        }
        return length > 0 && found.size() > length ? found.subList(found.size() - length, found.size()) : found;
    }

    private List<HistoryEntry> entries(int from, int to) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(new HistoryEntry(SESSION, i + 1, inputs.get(i), null));
        }
        return entries;
    }
}
