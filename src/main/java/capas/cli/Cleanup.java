package capas.cli;

import capas.Labels;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What {@code ./lab limpiar} removes, decided from what podman lists and nothing else: pure, so
 * that "only what the lab created" is tested without a store.
 */
final class Cleanup {
    /** A container as {@code podman ps -a --format json} lists it. */
    record Container(String id, List<String> names, Map<String, String> labels) {
    }

    /** An image as {@code podman images --format json} lists it (a nameless image has no names). */
    record Image(String id, List<String> names, Map<String, String> labels) {
    }

    private Cleanup() {
    }

    /**
     * The lab's containers ({@value Labels#LAB}), of lesson {@code lesson} only when it is not
     * {@code null} ({@value Labels#LESSON}): a container someone labelled with the lesson but not
     * as the lab's is left alone.
     *
     * @return their ids
     */
    static List<String> containers(List<Container> listed, String lesson) {
        return listed.stream()
                .filter(c -> c.labels().containsKey(Labels.LAB))
                .filter(c -> lesson == null || lesson.equals(c.labels().get(Labels.LESSON)))
                .map(Container::id).toList();
    }

    /**
     * The names of the lab's images to remove: labelled {@value Labels#IMAGE} (with the lesson's
     * id when {@code lesson} is given) and named as the lab names them. The label alone is not
     * enough: an image someone derived from the lab's inherits it. The course image
     * ({@code courseImage}, any tag) goes only when everything is cleaned ({@code lesson == null}).
     *
     * @return names to give {@code podman rmi}, sorted, once each
     */
    static List<String> images(List<Image> listed, String lesson, String courseImage) {
        String courseRepository = repository(courseImage);
        TreeSet<String> names = new TreeSet<>();
        for (Image image : listed) {
            String label = image.labels().get(Labels.IMAGE);
            if (label == null || lesson != null && !lesson.equals(label)) {
                continue;
            }
            for (String name : image.names()) {
                if (Labels.isLessonImageName(name) || lesson == null && courseRepository.equals(repository(name))) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    /** {@code localhost/curso/httpd} of {@code localhost/curso/httpd:latest} (a registry's port is no tag). */
    static String repository(String reference) {
        Objects.requireNonNull(reference);
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
    }
}
