package org.centerline.kafka;

import java.lang.reflect.Method;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Gives the Kafka clients the native (JNI) lz4 codec in a service run from its Spring Boot jar.
 * <p>
 * lz4-java ({@code LZ4Factory.fastestInstance()}, which Kafka's lz4 codec calls) loads its native library only when
 * its classes come from the system class loader; in a Boot jar they come from Boot's launcher class loader, so every
 * service compressed and decompressed its records with the pure-Java "safe" codec. Measured in routing-service under
 * the benchmark (JFR, quiet machine, 2026-12-07): lz4 was about a fifth of the JVM's samples, most of the producer's
 * network thread and 5 % of the stream thread's; loading the library first (which the guard exists to avoid doing
 * twice in one JVM from two class loaders, not the case in a Boot jar) makes {@code fastestInstance()} pick the native
 * codec. If the library cannot be loaded (an unsupported platform), the Java codec stays, as before.
 */
public class NativeLz4 implements ApplicationListener<ApplicationStartingEvent> {

    private static final Log log = LogFactory.getLog(NativeLz4.class);

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        if (ClassUtils.isPresent(NATIVE, NativeLz4.class.getClassLoader())) {
            load();
        }
    }

    // By name: lz4-java is the Kafka clients' runtime dependency, at the version they choose.
    private static final String NATIVE = "net.jpountz.util.Native";

    /** Loads the native codec; true when it is loaded (so Kafka's lz4 runs natively). */
    static boolean load() {
        try {
            Class<?> nativeLibrary = ClassUtils.forName(NATIVE, NativeLz4.class.getClassLoader());
            nativeLibrary.getMethod("load").invoke(null);
            Method loaded = nativeLibrary.getMethod("isLoaded");
            return (Boolean) loaded.invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            log.info("lz4 stays on the Java codec: its native library did not load (" + e + ")");
            return false;
        }
    }
}
