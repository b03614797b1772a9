# crieur in a container: built in a first stage, run as a user of its own in a slim
# second one, the store (and clones of sites read from git) in the /var/lib/crieur volume.
#   docker build -t crieur .
#   docker run -v ./crieur.toml:/etc/crieur/crieur.toml:ro -v crieur-data:/var/lib/crieur \
#     -e CRIEUR_IRC_PASSWORD -p 127.0.0.1:8080:8080 crieur
# The first build takes about 17 minutes on two cores. See dist/compose.yaml.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
# Debug line tables stripped: 83 MB instead of 355 (symbols stay, for backtraces).
RUN cargo build --release --locked && strip --strip-debug target/release/crieur

FROM debian:bookworm-slim
# git: sites read from a repository; ca-certificates: TLS to IRC, Matrix and git remotes.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates git \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/crieur --shell /usr/sbin/nologin crieur \
    && mkdir -p /var/lib/crieur /etc/crieur \
    && chown crieur:crieur /var/lib/crieur
COPY --from=build /src/target/release/crieur /usr/bin/crieur
COPY config/crieur.toml /etc/crieur/crieur.toml
USER crieur
VOLUME /var/lib/crieur
# [http] listen must then be "0.0.0.0:8080" in the mounted config.
EXPOSE 8080
ENTRYPOINT ["/usr/bin/crieur"]
CMD ["run", "--config", "/etc/crieur/crieur.toml", "--data", "/var/lib/crieur"]
