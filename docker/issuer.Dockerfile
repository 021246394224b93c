# The image of the compose service `tokens`: a JRE and the local stack's jar, whose `tokens` command is the
# local token issuer (docker/issue-tokens.sh runs it; docker-compose.yml mounts the script). The jar is built on
# the host first (./mvnw -DskipTests package); the build context is local-stack/.
#   docker build -f docker/issuer.Dockerfile -t centerline/local-issuer:0.1.0-SNAPSHOT local-stack
FROM eclipse-temurin:17-jre
COPY target/local-stack.jar /opt/centerline/local-stack.jar
ENTRYPOINT ["sh", "/centerline/issue-tokens.sh"]
