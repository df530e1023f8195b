package capas.store;

import capas.lab.*;
import com.sun.jna.*;

/**
 * Not part of the store: {@link capas.ArchitectureTest}'s proof that its rules see what a
 * wildcard import hides from a text search (a store field typed with the facade, a JNA type
 * outside capas.os).
 */
public final class ReachingUp {
    Capas lab;
    Pointer pointer;
}
