# One image recipe for all four Centerline services. The jar is built on the host first
# (./mvnw -DskipTests package); the build context is the service's module directory, e.g.
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=routing-service --build-arg PORT=8081 routing-service
# docker-compose.yml does exactly this for each service.
FROM eclipse-temurin:17-jre

# The health check calls the readiness endpoint with curl. The Ubuntu-based eclipse-temurin images
# ship curl (and wget); it is installed only if a future base image lacks it, so the check can never
# turn into "curl: not found" = unhealthy forever. The user is created here, before the build args,
# so this layer is shared by the four images.
RUN set -eux; \
    if ! command -v curl >/dev/null 2>&1; then \
      apt-get update; \
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
      rm -rf /var/lib/apt/lists/*; \
    fi; \
    useradd --system --uid 10001 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin centerline; \
    mkdir -p /app /var/lib/centerline/kstreams; \
    chown -R centerline:centerline /app /var/lib/centerline

# Which service: its module name (= jar name) and HTTP port. Both are required.
ARG SERVICE
ARG PORT
ARG VERSION=0.1.0-SNAPSHOT

COPY --chown=centerline:centerline target/${SERVICE}-${VERSION}-exec.jar /app/app.jar

# SERVER_PORT is Spring Boot's server.port. JAVA_OPTS: the local stack's sizing, one JVM per container.
# /var/lib/centerline/kstreams: Kafka Streams state (center-service, workload-service); a volume in compose.
ENV SERVICE_NAME=${SERVICE} \
    SERVER_PORT=${PORT} \
    JAVA_OPTS="-Xmx384m -XX:+UseSerialGC" \
    SPRING_KAFKA_STREAMS_STATE_DIR=/var/lib/centerline/kstreams

USER centerline:centerline
WORKDIR /app
EXPOSE ${PORT}

# Ready = 200 from /actuator/health/readiness (503 while state loads or Kafka is unreachable).
# routing-service may take up to its catch-up timeout (120 s) to load its state: hence the start period.
HEALTHCHECK --interval=10s --timeout=5s --start-period=150s --retries=6 \
    CMD curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1

# exec: java replaces the shell as PID 1, so docker's SIGTERM reaches the JVM (graceful shutdown).
# Arguments after the image name (or compose `command:`) go to the application, e.g. --logging.level.root=debug.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "--"]
