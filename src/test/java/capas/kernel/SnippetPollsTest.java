package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class SnippetPollsTest {
    /** Stands for a snippet class: a loop, a method without one, a loop that never ends. */
    static final class Sample {
        static long sum(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += i;
            }
            return s;
        }

        static int one() {
            return 1;
        }

        static void spin() {
            while (true) {
                Thread.onSpinWait();
            }
        }
    }

    private static byte[] sampleBytes() throws IOException {
        try (InputStream in = SnippetPollsTest.class.getResourceAsStream("SnippetPollsTest$Sample.class")) {
            return in.readAllBytes();
        }
    }

    /** Defines the rewritten Sample in a loader of its own, as JShell defines snippet classes. */
    private static Class<?> polledSample() throws IOException {
        byte[] polled = SnippetPolls.insert(sampleBytes());
        return new ClassLoader(SnippetPollsTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Sample.class.getName(), polled, 0, polled.length);
            }
        }.define();
    }

    private static int pollsIn(byte[] classFile, String method) {
        int[] count = {0};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String called, String desc, boolean isInterface) {
                        if (owner.equals("capas/kernel/StopPoll") && called.equals("check")) {
                            count[0]++;
                        }
                    }
                };
            }
        }, 0);
        return count[0];
    }

    @Test
    void everyMethodEntryAndLoopTurnPolls() throws IOException {
        byte[] polled = SnippetPolls.insert(sampleBytes());
        assertThat(pollsIn(polled, "sum")).isEqualTo(2);
        assertThat(pollsIn(polled, "one")).isEqualTo(1);
        assertThat(pollsIn(polled, "spin")).isEqualTo(2);
    }

    @Test
    void pollsChangeNothingWhenNoStopWasAsked() throws Exception {
        Method sum = polledSample().getDeclaredMethod("sum", int.class);
        sum.setAccessible(true);
        assertThat(sum.invoke(null, 1000)).isEqualTo(499_500L);
    }

    @Test
    void aStoppedCellThreadLeavesTheLoop() throws Exception {
        Method spin = polledSample().getDeclaredMethod("spin");
        spin.setAccessible(true);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CellThread cell = new CellThread(() -> {
            try {
                spin.invoke(null);
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (IllegalAccessException e) {
                thrown.set(e);
            }
        });
        cell.start();
        cell.requestStop();
        cell.join(30_000);
        cell.ended();
        assertThat(cell.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(StopPoll.Stopped.class);
    }

    @Test
    void otherThreadsRunningSnippetCodeAreNotStopped() throws Exception {
        CellThread stopped = new CellThread(() -> { });
        stopped.requestStop();
        try {
            Method sum = polledSample().getDeclaredMethod("sum", int.class);
            sum.setAccessible(true);
            assertThat(sum.invoke(null, 10)).isEqualTo(45L);
        } finally {
            stopped.ended();
        }
    }

    @Test
    void aClassFileNewerThanAsmKnowsLoadsAsItIs() throws IOException {
        byte[] future = sampleBytes();
        // Major version at bytes 6-7: 200 is far past any JDK ASM reads.
        future[6] = 0;
        future[7] = (byte) 200;
        assertThat(SnippetPolls.insert(future)).isSameAs(future);
    }
}
