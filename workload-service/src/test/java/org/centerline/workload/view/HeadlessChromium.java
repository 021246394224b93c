package org.centerline.workload.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Debian Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's
 * WebSocket client and Jackson: open a page, wait for a condition, evaluate JavaScript, collect
 * console errors, take screenshots.
 *
 * <p>Why the protocol and not {@code --dump-dom --enable-logging=stderr}: Chromium 12x+ logs every
 * console message on stderr as {@code INFO:CONSOLE} whatever its level, so {@code console.error} cannot
 * be told from {@code console.log} there. The protocol reports the level ({@code Runtime.consoleAPICalled}
 * type), uncaught exceptions ({@code Runtime.exceptionThrown}) and the browser's own errors such as
 * failed loads ({@code Log.entryAdded}).
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The Debian package's launcher; {@code CHROMIUM_BIN} overrides it. */
    public static Path binary() {
        String override = System.getenv("CHROMIUM_BIN");
        return Path.of(override != null && !override.isBlank() ? override : "/usr/bin/chromium");
    }

    public static boolean available() {
        return Files.isExecutable(binary());
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path profile;
    private final StringBuffer stderr;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Tab> tabs = new ConcurrentHashMap<>();
    private final int width;
    private final int height;

    private HeadlessChromium(Process process, Path profile, StringBuffer stderr, String endpoint, int width, int height)
            throws InterruptedException, ExecutionException, TimeoutException {
        this.process = process;
        this.profile = profile;
        this.stderr = stderr;
        this.width = width;
        this.height = height;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(endpoint), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    /** Starts a headless Chromium with a throw-away profile and a {@code width} x {@code height} viewport. */
    public static HeadlessChromium launch(int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rebalance-view-chromium-");
        List<String> command = List.of(binary().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height,
                "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuffer stderr = new StringBuffer();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (stderr.length() < 200_000) {
                        stderr.append(line).append('\n');
                    }
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                endpoint.completeExceptionally(new IllegalStateException("Chromium exited before it listened"));
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new HeadlessChromium(process, profile, stderr, endpoint.get(30, TimeUnit.SECONDS), width, height);
        } catch (ExecutionException | TimeoutException e) {
            destroy(process);
            deleteRecursively(profile);
            throw new IllegalStateException("Could not start " + binary() + ": " + e.getMessage() + "\n" + stderr, e);
        }
    }

    /** Opens {@code url} in a new tab with the launch viewport; the tab records console errors from the start. */
    public Tab open(String url) {
        String targetId = call(null, "Target.createTarget", object().put("url", "about:blank")).path("targetId").asString();
        String sessionId = call(null, "Target.attachToTarget", object().put("targetId", targetId).put("flatten", true))
                .path("sessionId").asString();
        Tab tab = new Tab(targetId, sessionId);
        tabs.put(sessionId, tab);
        tab.call("Runtime.enable", object());
        tab.call("Log.enable", object());
        tab.call("Page.enable", object());
        tab.call("Emulation.setDeviceMetricsOverride", object()
                .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
        JsonNode navigated = tab.call("Page.navigate", object().put("url", url));
        if (navigated.hasNonNull("errorText")) {
            throw new AssertionError("Chromium could not load " + url + ": " + navigated.path("errorText").asString());
        }
        return tab;
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", object(), Duration.ofSeconds(3));
        } catch (RuntimeException | AssertionError ignored) {
            // it may close before it answers
        }
        socket.abort();
        destroy(process);
        deleteRecursively(profile);
    }

    /** Chromium's stderr so far, for failure messages. */
    String log() {
        return stderr.toString();
    }

    // ---- protocol -------------------------------------------------------------------------------------

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private JsonNode call(String sessionId, String method, ObjectNode params) {
        return call(sessionId, method, params, CALL_TIMEOUT);
    }

    private JsonNode call(String sessionId, String method, ObjectNode params, Duration timeout) {
        long id = ids.incrementAndGet();
        ObjectNode message = object().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            // One outstanding send at a time is all a java.net.http.WebSocket allows.
            socket.sendText(message.toString(), true).join();
        }
        try {
            JsonNode response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.path("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer in " + timeout, e);
        } finally {
            pending.remove(id);
        }
    }

    private void dispatch(String text) {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        Tab tab = tabs.get(message.path("sessionId").asString(""));
        if (tab != null) {
            tab.event(message.path("method").asString(""), message.path("params"));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }
    }

    // ---- a tab ----------------------------------------------------------------------------------------

    /** One page. Errors are recorded from before navigation, so nothing the page logs at load is missed. */
    public final class Tab implements AutoCloseable {
        private final String targetId;
        private final String sessionId;
        private final List<String> javascriptErrors = new CopyOnWriteArrayList<>();
        private final List<String> browserErrors = new CopyOnWriteArrayList<>();
        private final List<String> console = new CopyOnWriteArrayList<>();

        private Tab(String targetId, String sessionId) {
            this.targetId = targetId;
            this.sessionId = sessionId;
        }

        JsonNode call(String method, ObjectNode params) {
            return HeadlessChromium.this.call(sessionId, method, params);
        }

        private void event(String method, JsonNode params) {
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asString("");
                    List<String> args = new ArrayList<>();
                    for (JsonNode arg : params.path("args")) {
                        args.add(arg.has("value") ? arg.path("value").asString(arg.path("value").toString())
                                : arg.path("description").asString(arg.path("type").asString("")));
                    }
                    String line = "console." + type + ": " + String.join(" ", args) + at(params.path("stackTrace").path("callFrames").path(0));
                    console.add(line);
                    if (type.equals("error") || type.equals("assert")) {
                        javascriptErrors.add(line);
                    }
                }
                case "Runtime.exceptionThrown" -> {
                    JsonNode details = params.path("exceptionDetails");
                    String description = details.path("exception").path("description").asString(details.path("text").asString(""));
                    String line = "uncaught: " + description + " at " + details.path("url").asString("") + ":"
                            + (details.path("lineNumber").asInt() + 1);
                    console.add(line);
                    javascriptErrors.add(line);
                }
                case "Log.entryAdded" -> {
                    JsonNode entry = params.path("entry");
                    String line = "log." + entry.path("level").asString("") + " (" + entry.path("source").asString("") + "): "
                            + entry.path("text").asString("") + " " + entry.path("url").asString("");
                    console.add(line);
                    if (entry.path("level").asString("").equals("error")) {
                        browserErrors.add(line);
                    }
                }
                default -> {
                    // not needed
                }
            }
        }

        private static String at(JsonNode frame) {
            return frame.isMissingNode() ? "" : " (" + frame.path("url").asString("") + ":" + (frame.path("lineNumber").asInt() + 1) + ")";
        }

        /** console.error / console.assert calls and uncaught exceptions of the page's scripts. */
        public List<String> javascriptErrors() {
            return List.copyOf(javascriptErrors);
        }

        /** The browser's own errors: failed loads (including fetches answered 4xx/5xx), blocked content. */
        List<String> browserErrors() {
            return List.copyOf(browserErrors);
        }

        /** Every console error of either kind. */
        public List<String> consoleErrors() {
            List<String> all = new ArrayList<>(javascriptErrors);
            all.addAll(browserErrors);
            return all;
        }

        /** Everything the console showed, for failure messages. */
        List<String> console() {
            return List.copyOf(console);
        }

        /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value as JSON. */
        public JsonNode evaluate(String expression) {
            JsonNode result = call("Runtime.evaluate", object()
                    .put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
            if (result.has("exceptionDetails")) {
                JsonNode details = result.path("exceptionDetails");
                throw new AssertionError("Evaluating " + expression + " threw "
                        + details.path("exception").path("description").asString(details.path("text").asString("")));
            }
            return result.path("result").path("value");
        }

        public String text(String expression) {
            return evaluate(expression).asString("");
        }

        /** Polls {@code condition} (a JavaScript expression) every 100 ms until it is true. */
        public void waitUntil(String condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            String last = "";
            while (true) {
                try {
                    if (evaluate("Boolean(" + condition + ")").asBoolean(false)) {
                        return;
                    }
                } catch (AssertionError notYet) {
                    // e.g. no document.body while the page is still loading
                    last = notYet.getMessage();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Waited " + timeout + " for " + condition + " (last error: " + last
                            + "); console: " + console
                            + "\npage text: " + text("document.body ? document.body.innerText.slice(0, 2000) : ''"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }

        /** Presses and releases a key as a keyboard would: "Tab", "Enter", "ArrowDown"; {@code shift} for Shift+key. */
        public void press(String key, boolean shift) {
            int code = switch (key) {
                case "Tab" -> 9;
                case "Enter" -> 13;
                case "Escape" -> 27;
                case " " -> 32;
                case "ArrowUp" -> 38;
                case "ArrowDown" -> 40;
                default -> throw new IllegalArgumentException("No key code for " + key);
            };
            for (String type : List.of("keyDown", "keyUp")) {
                ObjectNode event = object().put("type", type).put("key", key).put("code", key.equals(" ") ? "Space" : key)
                        .put("windowsVirtualKeyCode", code).put("nativeVirtualKeyCode", code).put("modifiers", shift ? 8 : 0);
                if (type.equals("keyDown") && (key.equals("Enter") || key.equals(" "))) {
                    event.put("text", key.equals("Enter") ? "\r" : " ");
                }
                call("Input.dispatchKeyEvent", event);
            }
        }

        public void press(String key) {
            press(key, false);
        }

        /** Types text into the focused element, as an input method would. */
        public void type(String text) {
            call("Input.insertText", object().put("text", text));
        }

        /** Writes a PNG of the viewport, or of the whole page when {@code fullPage}. */
        public Path screenshot(Path file, boolean fullPage) throws IOException {
            ObjectNode params = object().put("format", "png");
            if (fullPage) {
                JsonNode size = call("Page.getLayoutMetrics", object()).path("cssContentSize");
                ObjectNode clip = object().put("x", 0).put("y", 0)
                        .put("width", Math.max(width, (int) Math.ceil(size.path("width").asDouble())))
                        .put("height", (int) Math.ceil(size.path("height").asDouble())).put("scale", 1);
                params.set("clip", clip);
                params.put("captureBeyondViewport", true);
            }
            byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asString());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png);
            return file;
        }

        @Override
        public void close() {
            tabs.remove(sessionId);
            try {
                HeadlessChromium.this.call(null, "Target.closeTarget", object().put("targetId", targetId));
            } catch (RuntimeException ignored) {
                // the browser may be gone already
            }
        }
    }

    // ---- process and files ------------------------------------------------------------------------------

    private static void destroy(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
