package capas.kernel;

import java.util.List;

/**
 * Why a cell failed, already worded for the student: Jupyter shows {@code traceback} (the
 * lines), and {@code ename}/{@code evalue} name it for tools such as nbconvert.
 */
final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final transient List<String> traceback;

    CellFailure(String ename, String evalue, List<String> traceback) {
        super(evalue, null, false, false);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    String ename() {
        return ename;
    }

    String evalue() {
        return getMessage();
    }

    List<String> traceback() {
        return traceback;
    }
}
