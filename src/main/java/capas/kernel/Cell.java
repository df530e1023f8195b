package capas.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A notebook cell cut into what runs it: Java for JShell, or a shell magic.
 *
 * <p>A cell whose first line is {@code %%name args} is one cell magic with the rest as its body.
 * Otherwise lines starting with {@code %name} are line magics and the lines between them are
 * Java, run in order, so that a lesson can mix {@code %sh podman ps} with Java.
 */
record Cell(List<Part> parts) {

    enum Kind { JAVA, LINE_MAGIC, CELL_MAGIC }

    /**
     * One piece of a cell. {@code firstLine} is the cell line (0-based) where the piece's text
     * starts, so errors can name the line the student sees.
     */
    record Part(Kind kind, String name, String args, String body, int firstLine) {
        static Part java(String code, int firstLine) {
            return new Part(Kind.JAVA, "", "", code, firstLine);
        }
    }

    static Cell parse(String code) {
        String[] lines = code.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        List<Part> parts = new ArrayList<>();
        if (first < lines.length && lines[first].startsWith("%%")) {
            String[] head = nameAndArgs(lines[first].substring(2));
            String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
            parts.add(new Part(Kind.CELL_MAGIC, head[0], head[1], body, first + 1));
            return new Cell(parts);
        }
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (isLineMagic(lines[i])) {
                if (!java.toString().isBlank()) {
                    parts.add(Part.java(java.toString(), javaStart));
                }
                java.setLength(0);
                javaStart = i + 1;
                String[] head = nameAndArgs(lines[i].substring(1));
                parts.add(new Part(Kind.LINE_MAGIC, head[0], head[1], head[1], i));
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            parts.add(Part.java(java.toString(), javaStart));
        }
        return new Cell(parts);
    }

    boolean isOnlyJava() {
        return parts.stream().allMatch(p -> p.kind() == Kind.JAVA);
    }

    /** {@code %name}: a percent sign at column 0 followed by a letter (Java never starts so). */
    private static boolean isLineMagic(String line) {
        return line.length() > 1 && line.charAt(0) == '%' && Character.isLetter(line.charAt(1));
    }

    private static String[] nameAndArgs(String text) {
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new String[] {trimmed, ""} : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).strip()};
    }
}
