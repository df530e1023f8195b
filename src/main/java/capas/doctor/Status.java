package capas.doctor;

/** How one check of the diagnosis came out; the names are what the student reads. */
public enum Status {
    /** Works as the lessons need. */
    OK,
    /** Works, but part of a lesson will not (or will warn). */
    AVISO,
    /** The lab cannot work until this is fixed. */
    ERROR
}
