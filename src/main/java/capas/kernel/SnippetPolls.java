package capas.kernel;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a snippet class so that its code calls {@link StopPoll#check()} on entering every
 * method and before every jump back (the end of each loop's body): the only way, since JDK 20
 * removed {@code Thread.stop}, to stop code in this JVM that never blocks. Recursion without a
 * loop passes a method entry; a loop passes a back-edge on every turn.
 *
 * <p>The call takes nothing from the stack and leaves nothing on it, so the frames javac wrote
 * stay true and are copied as they are: no class needs loading to recompute them.
 */
final class SnippetPolls {
    private static final String OWNER = Type.getInternalName(StopPoll.class);
    private static final String METHOD = "check";
    private static final String DESCRIPTOR = "()V";

    private SnippetPolls() {
    }

    /**
     * The class with its polls, or the class unchanged if it cannot be read (a class file newer
     * than ASM knows) or a method would grow past 64 KiB: the snippet then runs, only without
     * Stop for a busy loop.
     */
    static byte[] insert(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new Polls(super.visitMethod(access, name, descriptor, signature, exceptions));
                }
            }, 0);
            return writer.toByteArray();
        } catch (IllegalArgumentException | IndexOutOfBoundsException unreadableOrTooLarge) {
            return classFile;
        }
    }

    private static final class Polls extends MethodVisitor {
        /** Labels already passed: a jump to one of them goes back. */
        private final Set<Label> behind = new HashSet<>();

        Polls(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            poll();
        }

        @Override
        public void visitLabel(Label label) {
            behind.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (behind.contains(label)) {
                poll();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anyBehind(dflt, labels)) {
                poll();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anyBehind(dflt, labels)) {
                poll();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean anyBehind(Label dflt, Label[] labels) {
            if (behind.contains(dflt)) {
                return true;
            }
            for (Label label : labels) {
                if (behind.contains(label)) {
                    return true;
                }
            }
            return false;
        }

        private void poll() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, METHOD, DESCRIPTOR, false);
        }
    }
}
