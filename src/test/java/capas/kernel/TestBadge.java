package capas.kernel;

import capas.render.Displayable;
import java.util.Map;

/** A library object as lessons return them: HTML, SVG and the plain-text fallback. */
public final class TestBadge implements Displayable {
    @Override
    public Map<String, String> toMimeBundle() {
        return Map.of("text/plain", "insignia", "text/html", "<b>insignia</b>",
                "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>insignia</text></svg>");
    }
}
