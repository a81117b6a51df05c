# MigrantAid portal image.
#   docker build -t migrantaid .
# Runs as a non-root user on port 8080 in the Production environment. It needs
# ConnectionStrings__Default; see docker-compose.yml and docs/deployment.md.

# 1. Front-end assets. The pinned npm packages (package-lock.json) are copied into wwwroot/lib,
#    the same way the csproj does on a developer machine. Nothing third-party is committed.
FROM node:22-slim AS frontend
WORKDIR /src/src/MigrantAid.Web
COPY src/MigrantAid.Web/package.json src/MigrantAid.Web/package-lock.json src/MigrantAid.Web/copy-frontend.mjs ./
RUN npm ci --no-audit --no-fund --loglevel=error \
    && node copy-frontend.mjs

# 2. Build. Restore on its own layer, so it is cached while only code changes.
#    global.json is not copied on purpose: it pins the SDK of the development machines, and the
#    image's own 10.0 SDK is the one to use here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MigrantAid.Web/MigrantAid.Web.csproj src/MigrantAid.Web/
RUN dotnet restore src/MigrantAid.Web/MigrantAid.Web.csproj
COPY src/MigrantAid.Web/ src/MigrantAid.Web/
COPY --from=frontend /src/src/MigrantAid.Web/wwwroot/lib/ src/MigrantAid.Web/wwwroot/lib/
COPY --from=frontend /src/src/MigrantAid.Web/generated/ src/MigrantAid.Web/generated/
# SkipFrontEnd: the assets came from stage 1, so the csproj must not run npm itself (no Node here).
RUN dotnet publish src/MigrantAid.Web/MigrantAid.Web.csproj -c Release -o /app --no-restore \
        -p:SkipFrontEnd=true -p:UseAppHost=false

# 3. Runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# Organisation exports are written here (mount a volume; with several instances, one they all share).
RUN mkdir -p /var/lib/migrantaid/exports && chown "$APP_UID" /var/lib/migrantaid/exports
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Exports__Directory=/var/lib/migrantaid/exports
# APP_UID is the non-root "app" user that the .NET images define.
USER $APP_UID
EXPOSE 8080
# The aspnet image has no curl or wget, and installing one only for this is not worth it. bash can
# speak HTTP/1.0 itself over /dev/tcp: send a GET and check the status line. /health/live is used
# here because restarting the container does not cure a database outage; docker-compose.yml probes
# /health/ready instead, which also needs the database and every migration. (A shell-less "chiseled"
# variant of the image would need this line removed and the orchestrator's own HTTP probe used.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${ASPNETCORE_HTTP_PORTS:-8080} && printf "GET /health/live HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["dotnet", "MigrantAid.Web.dll"]
