package capas.render;

import java.util.Map;

/**
 * Something that shows itself in a notebook: a container, a layer stack, a diagnosis.
 *
 * <p>The library does not know Jupyter: the kernel turns this bundle into a display_data or
 * execute_result message, and plain JShell uses {@code toString()}.
 */
public interface Displayable {
    /**
     * MIME type → content, e.g. {@code text/html}, {@code image/svg+xml}; always holds
     * {@code text/plain} as the fallback for consoles and screen readers.
     */
    Map<String, String> toMimeBundle();
}
