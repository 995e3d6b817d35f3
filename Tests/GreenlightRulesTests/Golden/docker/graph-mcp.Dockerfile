# Graph MCP server: built on another publisher's graph database image, whose user is not known
# here, and run without saying who runs it.
FROM python:3.12-slim AS deps
RUN pip install --no-cache-dir --target /deps graphiti-core mcp
FROM falkordb/falkordb:v4.2.1
COPY --from=deps /deps /opt/mcp/deps
COPY server /opt/mcp/server
EXPOSE 8000
HEALTHCHECK CMD redis-cli ping || exit 1
CMD ["/opt/mcp/server/start.sh"]
